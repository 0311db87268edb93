using SweepGrid.Reports.Figures;
using static SweepGrid.Reports.Tests.Figures.Studies;

namespace SweepGrid.Reports.Tests.Figures;

public class PerClassTableTests
{
    [Fact]
    public void Rows_are_classes_columns_are_arms_and_cells_are_mean_and_std_over_seeds()
    {
        var (markdown, csv) = FigureReport.PerClass(TemperatureByLayout(perClass: true));

        var lines = markdown.Split('\n');
        var header = lines.Single(l => l.StartsWith("| class |", StringComparison.Ordinal));
        Assert.StartsWith("| class | model.dropout=none, model.temperature=1/8 | model.dropout=none, model.temperature=1 |", header, StringComparison.Ordinal);
        Assert.Equal(1 + 9, header.Count(c => c == '|') - 1);
        Assert.Contains("## accuracy per class — clean", markdown, StringComparison.Ordinal);
        var class2 = lines.Single(l => l.StartsWith("| 2 |", StringComparison.Ordinal));
        Assert.StartsWith("| 2 | 0.8815 ± 0.0007 (2) |", class2, StringComparison.Ordinal); // 0.88 + 0.001·(1, 2)

        var csvLines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("metric,condition,arm,class,n,mean,std,excluded", csvLines[0]);
        Assert.Equal(1 + (3 * 9), csvLines.Length);
        Assert.Contains("accuracy,clean,\"model.dropout=none, model.temperature=1/8\",2,2,0.8815", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_without_per_class_metrics_writes_no_per_class_table()
    {
        var (markdown, _) = FigureReport.PerClass(TemperatureByLayout());

        Assert.Equal("", markdown);
    }
}
