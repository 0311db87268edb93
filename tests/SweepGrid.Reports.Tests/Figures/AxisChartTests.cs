using SweepGrid.Reports.Figures;
using static SweepGrid.Reports.Tests.Figures.Studies;

namespace SweepGrid.Reports.Tests.Figures;

public class AxisChartTests
{
    /// <summary>Seed 004's arms: dropout layout none/inp/all (submitted in that order), 2 seeds; clean and fgsm=0.1.</summary>
    private static List<ResultRow> Layouts()
    {
        var rows = new List<ResultRow>();
        for (var i = 0; i < Studies.Layouts.Length; i++)
        {
            for (ulong seed = 1; seed <= 2; seed++)
            {
                (string, string)[] axes = [("model.dropout", Studies.Layouts[i])];
                rows.Add(Row($"{Studies.Layouts[i]}-{seed}", seed, "clean", 0.95 - (0.01 * i), i, axes));
                rows.Add(Row($"{Studies.Layouts[i]}-{seed}", seed, "fgsm=0.1", 0.3 + (0.2 * i) + (0.01 * seed), i, axes));
            }
        }

        return rows;
    }

    [Fact]
    public void Categorical_axis_is_drawn_as_bars_in_the_spec_order_not_alphabetically()
    {
        var figure = Figure(Scrambled(Layouts()), "accuracy-by-model.dropout.svg").Figure;
        var svg = Svg.Parse(SvgFigure.Render(figure));

        var panel = Assert.Single(figure.Panels);
        Assert.Equal(PanelKind.Bar, panel.Kind);
        Assert.Equal(["none", "inp", "all"], panel.Categories);
        Assert.Equal(["clean", "fgsm=0.1"], panel.Series.Select(s => s.Label));
        var ticks = Svg.Groups(svg, "x-axis").Single().Elements(Svg.Ns + "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value);
        Assert.Equal(["none", "inp", "all"], ticks);

        var fgsmBars = Svg.Groups(svg, "series").Single(s => (string?)s.Attribute("data-label") == "fgsm=0.1").Elements(Svg.Ns + "rect").ToList();
        var xs = fgsmBars.Select(b => Svg.Number(b, "x")).ToList();
        var heights = fgsmBars.Select(b => Svg.Number(b, "height")).ToList();
        Assert.True(xs[0] < xs[1] && xs[1] < xs[2]);
        Assert.True(heights[0] < heights[1] && heights[1] < heights[2], "fgsm accuracy rises none → inp → all, so must the bars");
    }

    [Fact]
    public void Tables_also_list_text_axis_values_in_the_spec_order()
    {
        var table = PivotBuilder.Build(Scrambled(Layouts()));

        Assert.Equal(["none", "inp", "all"], table.Rows.Select(r => r.AxisLabels[0]));
    }

    [Fact]
    public void Zipped_axes_are_one_axis_labelled_with_both_names()
    {
        var rows = new List<ResultRow>();
        (string Kind, string Batch)[] zipped = [("m7", "32"), ("m3", "120"), ("m5", "64")];
        for (var i = 0; i < zipped.Length; i++)
        {
            foreach (var lr in new[] { "0.01", "0.1" })
            {
                (string, string)[] axes = [("model.kind", zipped[i].Kind), ("training.batch_size", zipped[i].Batch), ("training.lr", lr)];
                rows.Add(Row($"{zipped[i].Kind}-{lr}", 1, "clean", 0.9 + (0.01 * i), i, axes));
            }
        }

        var figures = FigureReport.Build(rows, []);
        var figure = figures.Single(f => f.File == "accuracy-by-model.kind-training.batch_size.svg").Figure;

        Assert.DoesNotContain(figures, f => f.File.Contains("by-training.batch_size", StringComparison.Ordinal));
        Assert.Equal("accuracy by model.kind / training.batch_size", figure.Title);
        Assert.All(figure.Panels, p => Assert.Equal("model.kind / training.batch_size", p.XLabel));
        Assert.All(figure.Panels, p => Assert.Equal(["m7 / 32", "m3 / 120", "m5 / 64"], p.Categories));
        // One condition: the learning rates become the series of a single panel (fewer panels than one per rate).
        var panel = Assert.Single(figure.Panels);
        Assert.Equal("clean", panel.Title);
        Assert.Equal("training.lr", panel.LegendTitle);
        Assert.Equal(["0.01", "0.1"], panel.Series.Select(s => s.Label));
    }

    [Fact]
    public void A_zipped_numeric_axis_is_a_line_with_both_values_on_each_tick()
    {
        var rows = new List<ResultRow>();
        (string T, string Lr)[] zipped = [("0.125", "0.01"), ("1", "0.05"), ("8", "0.1")];
        for (var i = 0; i < zipped.Length; i++)
        {
            (string, string)[] axes = [("model.temperature", zipped[i].T), ("training.lr", zipped[i].Lr)];
            rows.Add(Row($"z{i}", 1, "clean", 0.9, i, axes));
            rows.Add(Row($"z{i}", 1, "fgsm=0.1", 0.6 - (0.1 * i), i, axes));
        }

        var figure = Figure(rows, "accuracy-vs-model.temperature-training.lr.svg").Figure;
        var svg = Svg.Parse(SvgFigure.Render(figure));

        var panel = Assert.Single(figure.Panels);
        Assert.Equal(PanelKind.Line, panel.Kind);
        var ticks = Svg.Groups(svg, "x-axis").Single().Elements(Svg.Ns + "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value);
        Assert.Equal(["1/8 / 0.01", "1 / 0.05", "8 / 0.1"], ticks);
        Assert.Equal("log2", (string?)Svg.Groups(svg, "x-axis").Single().Attribute("data-scale"));
    }

    [Fact]
    public void A_full_grid_is_not_mistaken_for_a_zip()
    {
        var rows = TemperatureByLayout();

        var figures = FigureReport.Build(rows, []);

        Assert.Contains(figures, f => f.File == "accuracy-by-model.dropout.svg");
        Assert.DoesNotContain(figures, f => f.File.Contains("model.dropout-model.temperature", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_arms_become_series_with_one_panel_per_condition_when_that_gives_fewer_panels()
    {
        // 3 layouts × 3 temperatures, 6 conditions: conditions as series would need a panel per temperature (3);
        // temperatures as series need one per condition (6) — so conditions stay series.
        var figure = Figure(TemperatureByLayout(), "accuracy-by-model.dropout.svg").Figure;

        Assert.Equal(3, figure.Panels.Count);
        Assert.All(figure.Panels, p => Assert.Equal(["clean", "brightness=0.5", "brightness=1.5", "fgsm=0.1", "fgsm=0.2", "fgsm=0.3"], p.Series.Select(s => s.Label)));
        Assert.Equal(["model.temperature=1/8", "model.temperature=1", "model.temperature=8"], figure.Panels.Select(p => p.Title));
    }
}
