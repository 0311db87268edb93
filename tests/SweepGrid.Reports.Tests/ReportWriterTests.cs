using static SweepGrid.Reports.Tests.Fixture;

namespace SweepGrid.Reports.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sweepgrid-reports-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static List<ResultRow> WithCalibration()
    {
        var rows = Tiny().ToList();
        rows.Add(Row("t8-s1", 1, "clean", 0.05, metric: "ece_15", axes: [("model.temperature", "0.125"), ("model.kind", "mlp")]));
        rows.Add(Row("t4-s1", 1, "clean", 0.02, metric: "ece_15", axes: [("model.temperature", "4"), ("model.kind", "mlp")]));
        rows.Add(Row("t4-s1", 1, "clean", 0.05, metric: "error", axes: [("model.temperature", "4"), ("model.kind", "mlp")]));
        return rows;
    }

    private static string[] Files(string directory) =>
        Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Writes_the_expected_file_set_into_the_study_directory()
    {
        var output = ReportWriter.Write(Study(), WithCalibration(), root);

        Assert.Equal(Path.Combine(root, "temperature-sweep"), output.Directory);
        string[] expected =
        [
            "accuracy-vs-model.temperature.svg",
            "accuracy.csv",
            "delta_accuracy-vs-model.temperature.svg",
            "ece_15-vs-model.temperature.svg",
            "results.csv",
            "results.json",
            "summary.md",
        ];
        Assert.Equal(expected, Files(output.Directory));
        Assert.Equal(expected, output.Files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Summary_has_a_table_per_metric_of_interest_and_the_paired_delta()
    {
        var output = ReportWriter.Write(Study(), WithCalibration(), root, ReportFormats.Markdown);

        var summary = File.ReadAllText(Path.Combine(output.Directory, "summary.md"));
        var headings = summary.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["## accuracy", "## Δ accuracy vs clean", "## ece_15"], headings);
        Assert.StartsWith("# temperature-sweep\n\nSigmoid temperature against FGSM.\n", summary, StringComparison.Ordinal);
        Assert.Equal(["summary.md"], Files(output.Directory));
    }

    [Fact]
    public void Rewriting_an_unchanged_study_produces_identical_bytes_and_leaves_no_temporary_files()
    {
        var first = ReportWriter.Write(Study(), WithCalibration(), root);
        var before = first.Files.ToDictionary(f => f, File.ReadAllBytes);

        var second = ReportWriter.Write(Study(), Enumerable.Reverse(WithCalibration()), root);

        Assert.Equal(first.Files, second.Files);
        Assert.All(second.Files, f => Assert.True(before[f].AsSpan().SequenceEqual(File.ReadAllBytes(f)), $"expected {Path.GetFileName(f)} to be byte-identical on rewrite"));
        Assert.Empty(Directory.GetFiles(first.Directory, "*.tmp"));
    }

    [Fact]
    public void Study_without_numeric_axes_gets_no_charts()
    {
        ResultRow[] rows =
        [
            Row("a", 1, "clean", 0.9, axes: [("model.dropout", "none")]),
            Row("b", 1, "clean", 0.8, axes: [("model.dropout", "all")]),
        ];

        var output = ReportWriter.Write(Study("dropout layouts"), rows, root);

        Assert.Equal(Path.Combine(root, "dropout-layouts"), output.Directory);
        Assert.Equal(["accuracy.csv", "results.csv", "results.json", "summary.md"], Files(output.Directory));
    }

    [Fact]
    public void Study_without_results_still_gets_a_summary()
    {
        var output = ReportWriter.Write(Study(), [], root);

        Assert.Contains("No results yet.", File.ReadAllText(Path.Combine(output.Directory, "summary.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("temperature sweep/v2", "temperature-sweep-v2")]
    [InlineData("..", "study")]
    [InlineData("", "study")]
    public void Study_names_become_safe_directory_names(string name, string expected) =>
        Assert.Equal(expected, ReportWriter.StudyDirectoryName(name));
}
