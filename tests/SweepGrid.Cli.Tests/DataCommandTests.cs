using System.CommandLine;
using SweepGrid.Cli.Commands;

namespace SweepGrid.Cli.Tests;

public class DataCommandTests
{
    private static async Task<(int, string, string)> Data(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { DataCommand.Create(new SweepGridOptions { Data = CliRunner.MnistDirectory }, output, error) };
        var exit = await root.Parse(["data", .. args]).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Verify_accepts_the_shared_mnist_files_by_checksum()
    {
        var (exit, output, error) = await Data("verify", "mnist");

        Assert.True(exit == 0, error);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("ok", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_flags_a_tampered_file_and_exits_with_code_2()
    {
        var dir = Directory.CreateTempSubdirectory("sweepgrid-verify-");
        try
        {
            foreach (var file in Directory.GetFiles(CliRunner.MnistDirectory, "*.gz"))
            {
                File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
            }
            await using (var stream = File.OpenWrite(Path.Combine(dir.FullName, "t10k-labels-idx1-ubyte.gz")))
            {
                stream.Seek(100, SeekOrigin.Begin);
                stream.WriteByte(0x5A);
            }

            var (exit, output, _) = await Data("verify", "mnist", "--data", dir.FullName);

            Assert.Equal(2, exit);
            Assert.Contains("BAD  " + Path.Combine(dir.FullName, "t10k-labels-idx1-ubyte.gz"), output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Verify_finds_debians_recompressed_fashion_mnist_by_default_and_accepts_it_by_content()
    {
        Assert.True(File.Exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"),
            "Debian's dataset-fashion-mnist is not installed (scripts/install-deps.sh installs it)");
        var empty = Directory.CreateTempSubdirectory("sweepgrid-verify-");
        try
        {
            var (exit, output, error) = await Data("verify", "fashion-mnist", "--data", empty.FullName);

            Assert.True(exit == 0, output + error);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.All(lines, l => Assert.StartsWith("ok   /usr/share/datasets/fashion-mnist/", l, StringComparison.Ordinal));
            Assert.All(lines, l => Assert.Contains("(content SHA-256 ", l, StringComparison.Ordinal));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Verify_names_a_truncated_file_and_why_and_still_checks_the_others()
    {
        var dir = Directory.CreateTempSubdirectory("sweepgrid-verify-");
        try
        {
            foreach (var file in Directory.GetFiles(CliRunner.MnistDirectory, "*.gz"))
            {
                File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
            }
            var truncated = Path.Combine(dir.FullName, "t10k-images-idx3-ubyte.gz");
            var bytes = await File.ReadAllBytesAsync(truncated);
            await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 3)]);

            var (exit, output, _) = await Data("verify", "mnist", "--data", dir.FullName);

            Assert.Equal(2, exit);
            Assert.Contains($"BAD  {truncated} ({truncated}: truncated", output, StringComparison.Ordinal);
            Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("ok", StringComparison.Ordinal)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_dataset_exits_with_code_2_listing_the_catalog()
    {
        var (exit, _, error) = await Data("download", "cifar10");

        Assert.Equal(2, exit);
        Assert.Contains("mnist, fashion-mnist, kmnist", error, StringComparison.Ordinal);
    }
}
