using SweepGrid.Reports.Figures;
using static SweepGrid.Reports.Tests.Figures.Studies;

namespace SweepGrid.Reports.Tests.Figures;

public sealed class FigureReportTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sweepgrid-figures-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Writes_every_figure_the_per_class_tables_and_an_index_that_links_them()
    {
        var rows = TemperatureByLayout(perClass: true);
        var output = FigureReport.Write(Fixture.Study("seed 003"), rows, [], directory);

        var names = output.Files.Select(Path.GetFileName).ToList();
        Assert.Equal(Path.Combine(directory, "seed-003"), output.Directory);
        Assert.Contains("accuracy-vs-fgsm.svg", names);
        Assert.Contains("accuracy-vs-brightness.svg", names);
        Assert.Contains("accuracy-by-model.dropout.svg", names);
        Assert.Contains("per-class.md", names);
        Assert.Contains("per-class.csv", names);
        var index = File.ReadAllText(Path.Combine(output.Directory, "figures.md"));
        Assert.All(names.Where(n => n!.EndsWith(".svg", StringComparison.Ordinal)), n => Assert.Contains($"]({n})", index, StringComparison.Ordinal));
        Assert.All(output.Files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)), f => Svg.Parse(File.ReadAllText(f)));
        Assert.DoesNotContain(Directory.GetFiles(output.Directory), f => !output.Files.Contains(f));
    }

    [Fact]
    public void Output_does_not_depend_on_row_order()
    {
        var rows = TemperatureByLayout(perClass: true);
        var first = FigureReport.Write(Fixture.Study("a"), rows, [], directory);
        var second = FigureReport.Write(Fixture.Study("b"), Scrambled(rows), [], directory);

        Assert.Equal(first.Files.Select(Path.GetFileName), second.Files.Select(Path.GetFileName));
        Assert.All(first.Files.Zip(second.Files), pair =>
            Assert.Equal(File.ReadAllText(pair.First).Replace("# a —", "# b —", StringComparison.Ordinal), File.ReadAllText(pair.Second)));
    }

    [Fact]
    public void A_duplicated_result_is_refused_and_nothing_is_written()
    {
        var rows = TemperatureByLayout();
        rows.Add(rows[0] with { Value = 0.1 });

        var error = Assert.Throws<ArgumentException>(() => FigureReport.Write(Fixture.Study("dup"), rows, [], directory));

        Assert.Contains($"trial {rows[0].TrialId} has more than one accuracy result under condition \"clean\"", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(directory, "dup")));
    }
}
