using SweepGrid.Reports.Figures;
using static SweepGrid.Reports.Tests.Figures.Studies;

namespace SweepGrid.Reports.Tests.Figures;

public class PerClassTableTests
{
    [Fact]
    public void Rows_are_classes_columns_are_arms_and_cells_are_mean_and_std_over_seeds()
    {
        var (markdown, csv) = FigureReport.PerClass(TemperatureByLayout(perClass: true));

        // 9 arms exceed 8 columns: one table per dropout layout (spec order), temperatures as columns.
        var headings = markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["## accuracy per class — clean · model.dropout=none", "## accuracy per class — clean · model.dropout=inp", "## accuracy per class — clean · model.dropout=all"],
            headings);
        var none = markdown[markdown.IndexOf(headings[0], StringComparison.Ordinal)..markdown.IndexOf(headings[1], StringComparison.Ordinal)].Split('\n');
        Assert.Contains("| class \\ model.temperature | 1/8 | 1 | 8 |", none);
        Assert.Equal(3, none.Count(l => l.Length > 2 && char.IsAsciiDigit(l[2])));
        Assert.Contains("| 2 | 0.8815 ± 0.0007 (2) | 0.8815 ± 0.0007 (2) | 0.8815 ± 0.0007 (2) |", none); // 0.88 + 0.001·(1, 2)

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
