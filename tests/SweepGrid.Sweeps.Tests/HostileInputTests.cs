using System.Diagnostics;
using System.Globalization;
using System.Text;
using SweepGrid.Sweeps.Spec;

namespace SweepGrid.Sweeps.Tests;

/// <summary>
/// Specs from sources a new user might point at by mistake or on purpose: endless devices, pipes, huge
/// files, binary bytes, deep nesting and alias bombs. Each is refused with a message naming the limit, and
/// the checks bound memory by reading at most the limit (+1 byte) whatever the source.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sweepgrid-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_endless_device_is_refused_after_reading_the_limit()
    {
        var error = Assert.Single(Assert.Throws<SpecException>(() => SweepSpec.Load("/dev/zero")).Errors);

        Assert.Equal("/dev/zero", error.File);
        Assert.Contains("larger than 1,048,576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipe_that_never_delivers_is_refused_after_the_deadline()
    {
        var fifo = Path.Combine(_directory, "silent.fifo");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }
        // No writer ever opens it: open() itself would block forever.
        var clock = Stopwatch.StartNew();

        var error = Assert.Single(Assert.Throws<SpecException>(() => SpecText.Read(fifo, TimeSpan.FromSeconds(1))).Errors);

        Assert.Equal(fifo, error.File);
        Assert.StartsWith("the spec did not arrive: no end of input from this pipe or device within 1 s", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"refused after {clock.Elapsed}");
        // Unblock the abandoned reader so it does not outlive the test.
        using var writer = Process.Start("sh", ["-c", $"printf '' > '{fifo}'"])!;
        writer.WaitForExit();
    }

    [Fact]
    public void An_endless_pipe_is_refused_after_reading_the_limit()
    {
        var fifo = Path.Combine(_directory, "spec.fifo");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        // `yes` never ends on its own: only the reader stopping ends it (SIGPIPE once the fifo is closed).
        using var writer = Process.Start(new ProcessStartInfo("sh", ["-c", $"yes 'a: 1' > '{fifo}'"]) { UseShellExecute = false })!;
        try
        {
            var error = Assert.Single(Assert.Throws<SpecException>(() => SweepSpec.Load(fifo)).Errors);
            Assert.Contains("larger than 1,048,576 bytes", error.Message, StringComparison.Ordinal);
            Assert.True(writer.WaitForExit(TimeSpan.FromSeconds(30)), "the writer of the fifo should end once the spec reader closed it");
        }
        finally
        {
            if (!writer.HasExited)
            {
                writer.Kill();
            }
        }
    }

    [Fact]
    public void A_fifty_megabyte_file_is_refused_without_reading_it_all()
    {
        var path = Path.Combine(_directory, "huge.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(50L << 20);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Single(Assert.Throws<SpecException>(() => SweepSpec.Load(path)).Errors);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("larger than 1,048,576 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 8L << 20, $"refusing a 50 MB spec allocated {allocated:N0} bytes; expected a few MB at most");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_with_their_line_and_byte_offset()
    {
        var path = Path.Combine(_directory, "latin1.yaml");
        File.WriteAllBytes(path, [.. "study: {name: ok}\ndescription: caf"u8, 0xE9, .. " au lait\n"u8]);

        var error = Assert.Single(Assert.Throws<SpecException>(() => SweepSpec.Load(path)).Errors);

        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(17, error.Column);
        Assert.Contains("0xE9 at byte offset 34 is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_bytes_over_the_limit_are_refused_before_decoding()
    {
        var error = Assert.Single(Assert.Throws<SpecException>(() => SweepSpec.ParseUtf8(new byte[SweepSpec.MaxSpecBytes + 1], "body")).Errors);

        Assert.Equal(("body", 1, 1), (error.File, error.Line, error.Column));
        Assert.Contains("larger than 1,048,576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_gives_the_text_load_would_parse()
    {
        var path = Path.Combine(_directory, "ok.yaml");
        File.WriteAllText(path, "study: {name: ok}\n");

        Assert.Equal("study: {name: ok}\n", SweepSpec.ReadText(path));
        Assert.Equal("ok", SweepSpec.Load(path).StudyName);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var spec = SweepSpec.ParseUtf8([0xEF, 0xBB, 0xBF, .. "study: {name: bom}\n"u8], "bom.yaml");

        Assert.Equal("bom", spec.StudyName);
    }

    [Fact]
    public void Deeply_nested_flow_yaml_is_refused_in_bounded_time()
    {
        var text = "study: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var errors = Specs.Errors(text);

        Assert.Contains(errors, e => e.Message.Contains("nesting deeper than 32 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alias_bomb_is_refused_at_its_first_alias()
    {
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var error = Assert.Single(Specs.Errors(bomb.ToString()));

        Assert.Equal(2, error.Line);
        Assert.Contains("aliases (*name) are not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{geometric: {from: 1/64, to: 16, factor: 1.00005}}", "138,633")]
    [InlineData("{geometric: {from: 1, to: 2, factor: 1.00001}}", "69,316")]
    [InlineData("{linear: {from: 0, to: 1, step: 1e-9}}", "1,000,000,001")]
    public void An_enormous_range_is_refused_from_its_count_before_anything_is_enumerated(string range, string count)
    {
        var error = Assert.Single(Specs.Errors("study: {name: huge}\naxes:\n  training.optimizer.lr: " + range + "\n"));

        Assert.Equal("axes.training.optimizer.lr." + range[1..range.IndexOf(':', StringComparison.Ordinal)], error.Path);
        Assert.Contains($"the range gives {count}", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 10,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_geometric_range_with_a_factor_close_to_one_keeps_its_values_to_twenty_digits()
    {
        // Exact products of 1.0001 would reach 28,000 digits by the last value; bounded, the plan stays small.
        var plan = Specs.Expand("""
            study: {name: fine}
            axes:
              model.temperature: {geometric: {from: 1, to: 2, factor: 1.0001}}
            """);

        var temperatures = plan.Trials.Select(t => t.Settings!.Model.Temperature).ToList();
        Assert.Equal(6932, temperatures.Count);
        Assert.Equal(1, temperatures[0]);
        Assert.Equal(Math.Pow(1.0001, 6931), temperatures[^1], 1e-12);
        Assert.All(plan.Trials, t => Assert.True(t.Axes["model.temperature"].Text.Length <= 45, $"axis text {t.Axes["model.temperature"].Text} should stay short"));
    }

    [Fact]
    public void A_validation_split_that_leaves_less_than_a_batch_is_refused_naming_the_field()
    {
        var error = Assert.Single(Specs.Errors("""
            study: {name: split}
            dataset: {validation: 59990}
            training: {batch_size: 64}
            """));

        Assert.Equal("dataset.validation", error.Path);
        Assert.Equal(2, error.Line);
        Assert.Contains("leaves 10, fewer than one batch (training.batch_size 64); use at most 59936", error.Message, StringComparison.Ordinal);
    }
}
