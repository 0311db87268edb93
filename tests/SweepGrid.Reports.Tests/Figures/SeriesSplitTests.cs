using System.Globalization;
using SweepGrid.Reports.Figures;
using static SweepGrid.Reports.Tests.Figures.Studies;

namespace SweepGrid.Reports.Tests.Figures;

public class SeriesSplitTests
{
    /// <summary>One trial per combination of the given axes, one clean and one fgsm=0.1 row each.</summary>
    private static List<ResultRow> Grid(params (string Path, int Count)[] axes)
    {
        var rows = new List<ResultRow>();
        IEnumerable<(string Path, string Value)[]> combinations = [[]];
        foreach (var (path, count) in axes)
        {
            combinations = combinations.SelectMany(c => Enumerable.Range(1, count).Select(v => c.Append((path, v.ToString(CultureInfo.InvariantCulture))).ToArray())).ToList();
        }

        var ordinal = 0;
        foreach (var combination in combinations)
        {
            var id = string.Join("-", combination.Select(c => c.Value));
            rows.Add(Row(id, 1, "clean", 0.9, ordinal, combination));
            rows.Add(Row(id, 1, "fgsm=0.1", 0.5 + (0.001 * ordinal), ordinal, combination));
            ordinal++;
        }

        return rows;
    }

    [Fact]
    public void Up_to_eight_arms_share_one_panel()
    {
        var figure = Figure(Grid(("a", 4), ("b", 2)), "accuracy-vs-fgsm.svg").Figure;

        var panel = Assert.Single(figure.Panels);
        Assert.Equal(8, panel.Series.Count);
    }

    [Fact]
    public void The_axis_with_fewest_values_becomes_panels_until_arms_fit()
    {
        // 6 × 2 × 3 = 36 arms: b (2) moves to panels → 18; c (3) moves → 6 series per panel, 6 panels.
        var figure = Figure(Grid(("a", 6), ("b", 2), ("c", 3)), "accuracy-vs-fgsm.svg").Figure;

        Assert.Equal(6, figure.Panels.Count);
        Assert.Equal("b=1, c=1", figure.Panels[0].Title);
        Assert.Equal("b=2, c=3", figure.Panels[^1].Title);
        Assert.All(figure.Panels, p => Assert.Equal(["1", "2", "3", "4", "5", "6"], p.Series.Select(s => s.Label)));
        Assert.All(figure.Panels, p => Assert.Equal("a", p.LegendTitle));
    }

    [Fact]
    public void One_axis_with_too_many_values_is_cut_into_near_equal_parts()
    {
        var figure = Figure(Grid(("a", 10)), "accuracy-vs-fgsm.svg").Figure;

        Assert.Equal(["(part 1 of 2)", "(part 2 of 2)"], figure.Panels.Select(p => p.Title));
        Assert.Equal([5, 5], figure.Panels.Select(p => p.Series.Count));
    }

    [Fact]
    public void No_panel_ever_holds_more_than_eight_series()
    {
        foreach (var grid in new[] { Grid(("a", 17)), Grid(("a", 9), ("b", 9)), Grid(("a", 2), ("b", 2), ("c", 2), ("d", 2)) })
        {
            var figure = Figure(grid, "accuracy-vs-fgsm.svg").Figure;
            var arms = grid.Select(r => r.TrialId).Distinct().Count();

            Assert.All(figure.Panels, p => Assert.InRange(p.Series.Count, 1, SeriesSplit.MaxSeriesPerPanel));
            Assert.Equal(arms, figure.Panels.Sum(p => p.Series.Count));
        }
    }
}
