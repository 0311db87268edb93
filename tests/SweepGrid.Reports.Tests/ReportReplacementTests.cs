using static SweepGrid.Reports.Tests.Fixture;

namespace SweepGrid.Reports.Tests;

/// <summary>Replacing an existing report: atomic per file, stale charts gone, abandoned temporaries cleaned.</summary>
public sealed class ReportReplacementTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sweepgrid-replace-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Charts_of_an_axis_that_no_longer_varies_are_removed_and_other_files_kept()
    {
        var first = ReportWriter.Write(Study(), Tiny(), root);
        Assert.Contains(first.Files, f => f.EndsWith("accuracy-vs-model.temperature.svg", StringComparison.Ordinal));
        var notes = Path.Combine(first.Directory, "notes.txt");
        File.WriteAllText(notes, "mine");
        ResultRow[] categorical =
        [
            Row("a", 1, "clean", 0.9, axes: [("model.dropout", "none")]),
            Row("b", 1, "clean", 0.8, axes: [("model.dropout", "all")]),
        ];

        var second = ReportWriter.Write(Study(), categorical, root);

        Assert.Empty(Directory.GetFiles(second.Directory, "*.svg"));
        Assert.True(File.Exists(notes), "a file the report did not write must be left alone");
        Assert.Contains("model.dropout", File.ReadAllText(Path.Combine(second.Directory, "results.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_written_alongside_by_another_writer_are_kept_as_current()
    {
        var directory = ReportWriter.Write(Study(), Tiny(), root).Directory;
        var figure = Path.Combine(directory, "accuracy-vs-fgsm.svg");
        var stale = Path.Combine(directory, "accuracy-vs-blur.svg");
        File.WriteAllText(figure, "<svg/>");
        File.WriteAllText(stale, "<svg/>");

        ReportWriter.Write(Study(), Tiny(), root, writtenAlongside: [figure]);

        Assert.True(File.Exists(figure), "a figure written just before the tables is current and must not be removed");
        Assert.False(File.Exists(stale), "a chart nobody wrote this time is stale");
    }

    [Fact]
    public void Writing_only_markdown_keeps_the_earlier_charts()
    {
        var first = ReportWriter.Write(Study(), Tiny(), root);
        var charts = Directory.GetFiles(first.Directory, "*.svg");

        ReportWriter.Write(Study(), [Row("a", 1, "clean", 0.9, axes: [("model.dropout", "none")])], root, ReportFormats.Markdown);

        Assert.Equal(charts, Directory.GetFiles(first.Directory, "*.svg"));
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_writer_is_removed_once_old_and_kept_while_young()
    {
        var directory = ReportWriter.Write(Study(), Tiny(), root).Directory;
        var abandoned = Path.Combine(directory, ".summary.md.0123456789abcdef0123456789abcdef.tmp");
        var young = Path.Combine(directory, ".results.csv.fedcba9876543210fedcba9876543210.tmp");
        File.WriteAllText(abandoned, "half a rep");
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));
        File.WriteAllText(young, "in progress");

        ReportWriter.Write(Study(), Tiny(), root);

        Assert.False(File.Exists(abandoned), "a two-hour-old temporary file should be removed");
        Assert.True(File.Exists(young), "a temporary file another writer may still rename must be kept");
    }

    [Fact]
    public void A_report_that_cannot_be_written_leaves_the_old_file_whole_and_no_temporary()
    {
        var directory = ReportWriter.Write(Study(), Tiny(), root, ReportFormats.Csv).Directory;
        var results = Path.Combine(directory, "results.csv");
        var before = File.ReadAllText(results);
        // A directory where the file should go makes the rename fail after the temporary was written.
        File.Delete(results);
        Directory.CreateDirectory(results);

        Assert.ThrowsAny<IOException>(() => ReportWriter.Write(Study(), [.. Tiny(), Row("x", 9, "clean", 0.1, axes: [("model.temperature", "2")])], root, ReportFormats.Csv));

        Assert.Empty(Directory.GetFiles(directory, ".*.tmp"));
        Assert.NotEmpty(before);
    }

    [Theory]
    [InlineData(ReportFormats.Markdown, "# temperature-sweep")]
    [InlineData(ReportFormats.Csv, "model.temperature")]
    [InlineData(ReportFormats.Json, "\"format\": \"sweepgrid-report/1\"")]
    public void Render_gives_the_same_document_the_writer_writes(ReportFormats format, string expected)
    {
        var text = ReportWriter.Render(Study(), Tiny(), format);
        var file = format switch { ReportFormats.Markdown => "summary.md", ReportFormats.Csv => "accuracy.csv", _ => "results.json" };
        var written = File.ReadAllText(Path.Combine(ReportWriter.Write(Study(), Tiny(), root, format).Directory, file));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        if (format != ReportFormats.Markdown)
        {
            Assert.Equal(written, text);
        }
    }

    [Fact]
    public void Render_refuses_svg_and_combined_formats()
    {
        Assert.Throws<ArgumentException>(() => ReportWriter.Render(Study(), Tiny(), ReportFormats.Svg));
        Assert.Throws<ArgumentException>(() => ReportWriter.Render(Study(), Tiny(), ReportFormats.All));
    }
}
