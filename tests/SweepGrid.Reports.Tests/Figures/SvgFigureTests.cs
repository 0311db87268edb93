using SweepGrid.Reports.Figures;
using static SweepGrid.Reports.Tests.Figures.Studies;

namespace SweepGrid.Reports.Tests.Figures;

public class SvgFigureTests
{
    private const double CharacterWidth = 12 * 0.62;

    private static FigurePanel LinePanel(string title, params string[] labels) =>
        new(title, PanelKind.Line, "x", "y", labels.Select((l, i) => new ChartSeries(l, [new ChartPoint(1, 0.5 + (0.01 * i), 0.01, 2), new ChartPoint(2, 0.4, null, 1)])).ToList(), []);

    [Fact]
    public void Every_legend_line_lies_inside_the_canvas_and_long_labels_wrap()
    {
        var longLabel = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"training.optimizer.axis{i}=value{i}"));
        var figure = new Figure("legend", [LinePanel("", "short", longLabel, "another", "fgsm=0.1, model.dropout=all")]);

        var svg = Svg.Parse(SvgFigure.Render(figure));
        var (width, height) = Svg.Canvas(svg);
        var lines = Svg.LegendLines(svg);

        Assert.All(lines, l =>
        {
            Assert.True(l.X >= 0 && l.X + (l.Text.Length * CharacterWidth) <= width, $"legend text '{l.Text}' at x={l.X} runs past the canvas width {width}");
            Assert.True(l.Y > 0 && l.Y <= height, $"legend text '{l.Text}' at y={l.Y} is outside the canvas height {height}");
        });
        Assert.True(lines.Count(l => longLabel.Contains(l.Text, StringComparison.Ordinal)) > 1, "a label wider than the plot must wrap onto several lines");
        Assert.Equal(longLabel.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines.Where(l => longLabel.Contains(l.Text, StringComparison.Ordinal)).Select(l => l.Text.Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Canvas_grows_with_the_legend()
    {
        var few = Svg.Canvas(Svg.Parse(SvgFigure.Render(new Figure("f", [LinePanel("", "a", "b")])))).Height;
        var many = Svg.Canvas(Svg.Parse(SvgFigure.Render(new Figure("f", [LinePanel("", Enumerable.Range(0, 8).Select(i => new string('x', 60) + i).ToArray())])))).Height;

        Assert.True(many > few + (6 * 15), $"eight one-row labels must add rows: {few} vs {many}");
    }

    [Fact]
    public void Four_or_more_panels_sit_two_to_a_row_and_stay_inside_the_canvas()
    {
        var figure = new Figure("grid", Enumerable.Range(1, 5).Select(i => LinePanel($"panel {i}", "a", "b")).ToList());

        var svg = Svg.Parse(SvgFigure.Render(figure));
        var (width, height) = Svg.Canvas(svg);
        var axes = Svg.Groups(svg, "y-axis").Select(g => g.Elements(Svg.Ns + "line").First()).Select(l => (X: Svg.Number(l, "x1"), Y: Svg.Number(l, "y1"))).ToList();

        Assert.Equal(5, axes.Count);
        Assert.Equal(2, axes.Select(a => a.X).Distinct().Count());
        Assert.Equal(3, axes.Select(a => a.Y).Distinct().Count());
        Assert.All(svg.Descendants().Where(e => e.Attribute("x") is not null && e.Name.LocalName == "text"), t => Assert.InRange(Svg.Number(t, "x"), 0, width));
        Assert.All(Svg.Groups(svg, "series").SelectMany(Svg.Points), p => Assert.True(p.X < width && p.Y < height));
    }

    [Fact]
    public void Panels_of_a_figure_share_one_y_scale()
    {
        var low = new FigurePanel("low", PanelKind.Line, "x", "y", [new ChartSeries("a", [new ChartPoint(1, 0.1, null, 1), new ChartPoint(2, 0.2, null, 1)])], []);
        var high = new FigurePanel("high", PanelKind.Line, "x", "y", [new ChartSeries("a", [new ChartPoint(1, 0.8, null, 1), new ChartPoint(2, 0.9, null, 1)])], []);

        var svg = Svg.Parse(SvgFigure.Render(new Figure("shared", [low, high])));
        var ticks = Svg.Groups(svg, "y-axis").Select(g => string.Join(",", g.Elements(Svg.Ns + "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value))).ToList();

        Assert.Equal(2, ticks.Count);
        Assert.Equal(ticks[0], ticks[1]);
        Assert.Contains("0.2", ticks[0], StringComparison.Ordinal);
        Assert.Contains("0.8", ticks[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Panels_of_different_scale_groups_keep_their_own_y_scale()
    {
        var low = new FigurePanel("fgsm", PanelKind.Line, "x", "y", [new ChartSeries("a", [new ChartPoint(1, 0.1, null, 1), new ChartPoint(2, 0.2, null, 1)])], [], ScaleGroup: "fgsm");
        var high = new FigurePanel("brightness", PanelKind.Line, "x", "y", [new ChartSeries("a", [new ChartPoint(1, 0.8, null, 1), new ChartPoint(2, 0.9, null, 1)])], [], ScaleGroup: "brightness");

        var svg = Svg.Parse(SvgFigure.Render(new Figure("own", [low, high])));
        var ticks = Svg.Groups(svg, "y-axis").Select(g => g.Elements(Svg.Ns + "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value).ToList()).ToList();

        Assert.DoesNotContain("0.8", ticks[0]);
        Assert.DoesNotContain("0.2", ticks[1]);
    }

    [Fact]
    public void Bars_start_at_zero_and_their_heights_follow_the_values()
    {
        var panel = new FigurePanel("", PanelKind.Bar, "model.dropout", "accuracy", [new ChartSeries("clean", [new ChartPoint(0, 0.9, 0.01, 2), new ChartPoint(1, 0.6, 0.02, 2), new ChartPoint(2, 0.3, null, 1)])], ["none", "inp", "all"]);

        var svg = Svg.Parse(SvgFigure.Render(new Figure("bars", [panel])));
        var bars = svg.Descendants(Svg.Ns + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        var ticks = Svg.Groups(svg, "x-axis").Single().Elements(Svg.Ns + "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value);

        Assert.Equal(["none", "inp", "all"], ticks);
        Assert.Equal(3, bars.Count);
        var heights = bars.Select(b => Svg.Number(b, "height")).ToList();
        Assert.Equal(0.9 / 0.3, heights[0] / heights[2], 2);
        var bottoms = bars.Select(b => Math.Round(Svg.Number(b, "y") + Svg.Number(b, "height"), 1)).Distinct();
        Assert.Single(bottoms);
        Assert.Equal(2, svg.Descendants(Svg.Ns + "path").Count(p => (string?)p.Attribute("class") == "error-bar"));
    }

    [Fact]
    public void Long_tick_labels_wrap_inside_the_canvas_and_the_axis_label_makes_room()
    {
        string[] categories = ["a fairly long categorical value number one", "a fairly long categorical value number two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        var panel = new FigurePanel("", PanelKind.Bar, "axis", "y", [new ChartSeries("clean", categories.Select((_, i) => new ChartPoint(i, 0.5, null, 1)).ToList())], categories);

        var svg = Svg.Parse(SvgFigure.Render(new Figure("bars", [panel])));
        var (width, _) = Svg.Canvas(svg);
        var axis = Svg.Groups(svg, "x-axis").Single();
        var ticks = axis.Elements(Svg.Ns + "text").Where(t => (string?)t.Attribute("class") == "tick").ToList();
        var label = axis.Elements(Svg.Ns + "text").Single(t => (string?)t.Attribute("class") == "label");

        var first = ticks[0].Elements(Svg.Ns + "tspan").ToList();
        Assert.True(first.Count > 1, "a label wider than its category must wrap");
        Assert.Equal(categories[0], string.Join(" ", first.Select(t => t.Value)));
        Assert.All(ticks, t =>
        {
            var half = t.DescendantNodes().OfType<System.Xml.Linq.XText>().Max(n => n.Value.Length) * CharacterWidth / 2;
            Assert.InRange(Svg.Number(t, "x") - half, 0, width);
            Assert.InRange(Svg.Number(t, "x") + half, 0, width);
        });
        var lastLine = Svg.Number(ticks[0], "y") + first.Skip(1).Sum(t => Svg.Number(t, "dy"));
        Assert.True(Svg.Number(label, "y") > lastLine + 10, "the axis label must sit below the wrapped tick labels");
    }

    [Fact]
    public void Edge_tick_labels_move_inward_instead_of_leaving_the_canvas()
    {
        var panel = new FigurePanel("", PanelKind.Line, "model.temperature / training.lr", "y", [new ChartSeries("clean", [new ChartPoint(1, 0.5, null, 1), new ChartPoint(2, 0.6, null, 1)])], [],
            [(1, "1 / 0.00001 / wide"), (2, "2 / 0.00002 / much wider label")]);

        var svg = Svg.Parse(SvgFigure.Render(new Figure("edges", [panel])));
        var (width, _) = Svg.Canvas(svg);
        var ticks = Svg.Groups(svg, "x-axis").Single().Elements(Svg.Ns + "text").Where(t => (string?)t.Attribute("class") == "tick").ToList();

        Assert.All(ticks, t => Assert.InRange(Svg.Number(t, "x") + (t.Value.Length * CharacterWidth / 2), 0, width));
        Assert.All(ticks, t => Assert.InRange(Svg.Number(t, "x") - (t.Value.Length * CharacterWidth / 2), 0, width));
    }

    [Fact]
    public void A_legacy_chart_of_126_series_is_split_into_panels_of_at_most_eight()
    {
        // 18 conditions × 7 temperatures, charted against a third axis: the shape of the 126-series chart.
        var rows = new List<ResultRow>();
        string[] conditions = ["clean", .. new[] { 0.5, 0.8, 1.2, 1.5 }.Select(f => Invariant($"brightness={f}")), .. new[] { 0.5, 1.0, 1.5, 2.0 }.Select(s => Invariant($"blur={s}")),
            .. new[] { 0.05, 0.1, 0.15, 0.2, 0.25 }.Select(e => Invariant($"fgsm={e}")), .. new[] { 0.1, 0.2, 0.3, 0.4 }.Select(e => Invariant($"pgd={e}"))];
        foreach (var t in new[] { "0.03125", "0.125", "0.5", "1", "2", "4", "8" })
        {
            foreach (var lr in new[] { "0.01", "0.1" })
            {
                rows.AddRange(conditions.Select(c => Row($"{t}-{lr}", 1, c, 0.5, 0, [("model.temperature", t), ("training.lr", lr)])));
            }
        }

        var data = LineChartData.FromPivot(PivotBuilder.Build(rows), "training.lr")!;
        Assert.Equal(126, data.Series.Count);

        var svg = Svg.Parse(SvgLineChart.Render(data));
        var panels = Svg.Panels(svg);

        Assert.All(panels, p => Assert.InRange(Svg.SeriesLabels(p).Count, 1, SeriesSplit.MaxSeriesPerPanel));
        // Panels split by arm name it in their title ("fgsm · model.temperature=1/8"); their legend shows the condition.
        var drawn = panels.SelectMany(p =>
        {
            var title = (string)p.Attribute("data-title")!;
            var arm = title.Contains(" · ", StringComparison.Ordinal) ? title[(title.IndexOf(" · ", StringComparison.Ordinal) + 3)..].Split(" (part")[0] : "";
            return Svg.SeriesLabels(p).Select(l => arm.Length > 0 ? $"{l}, {arm}" : l);
        }).ToHashSet();
        Assert.Equal(data.Series.Select(s => s.Label).ToHashSet(), drawn);
        Assert.All(panels.Where(p => ((string)p.Attribute("data-title")!).StartsWith("fgsm", StringComparison.Ordinal)), p =>
            Assert.All(Svg.SeriesLabels(p), l => Assert.True(l.StartsWith("fgsm", StringComparison.Ordinal) || l.StartsWith("clean", StringComparison.Ordinal), l)));
        var (width, height) = Svg.Canvas(svg);
        Assert.True(width <= 1300, $"canvas {width} px wide");
        Assert.All(Svg.LegendLines(svg), l => Assert.True(l.X + (l.Text.Length * CharacterWidth) <= width && l.Y <= height, l.Text));
    }
}
