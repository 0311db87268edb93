using SweepGrid.Reports.Figures;
using static SweepGrid.Reports.Tests.Figures.Studies;

namespace SweepGrid.Reports.Tests.Figures;

public class StrengthCurveTests
{
    [Fact]
    public void Fgsm_curve_has_epsilon_on_x_from_clean_at_zero_and_one_series_per_temperature_in_a_panel_per_layout()
    {
        var figure = Figure(TemperatureByLayout(), "accuracy-vs-fgsm.svg");
        var svg = Svg.Parse(SvgFigure.Render(figure.Figure));

        // 9 arms (3 T × 3 layouts) exceed 8 series: the axis with fewest values … both have 3, so the first by
        // name (model.dropout) becomes panels, in the spec's order none, inp, all — not alphabetical.
        var panels = Svg.Panels(svg);
        Assert.Equal(["model.dropout=none", "model.dropout=inp", "model.dropout=all"], panels.Select(p => (string)p.Attribute("data-title")!));
        Assert.All(panels, p => Assert.Equal(["1/8", "1", "8"], Svg.SeriesLabels(p)));
        Assert.All(panels, p => Assert.Contains(Svg.LegendLines(p), l => l.Bold && l.Text == "model.temperature:"));
        var xLabel = Svg.Groups(panels[0], "x-axis").Single().Elements(Svg.Ns + "text").Single(t => (string?)t.Attribute("class") == "label").Value;
        Assert.Equal("fgsm ε (L∞ budget)", xLabel);

        var first = Svg.Groups(panels[0], "series");
        foreach (var series in first)
        {
            var points = Svg.Points(series);
            Assert.Equal(4, points.Count); // clean at ε = 0, then 0.1, 0.2, 0.3
            Assert.True(points.Zip(points.Skip(1)).All(p => p.Second.X > p.First.X), "x must increase with ε");
            Assert.True(points.Zip(points.Skip(1)).All(p => p.Second.Y > p.First.Y), "accuracy falls with ε, so SVG y must grow");
            Assert.Equal(4, series.Elements(Svg.Ns + "path").Count(e => (string?)e.Attribute("class") == "error-bar"));
        }

        // At ε = 0.3 the lowest temperature is the most accurate: its point is highest (smallest y).
        var lastY = first.Select(s => Svg.Points(s)[^1].Y).ToList();
        Assert.True(lastY[0] < lastY[1] && lastY[1] < lastY[2], $"expected 1/8 above 1 above 8 at ε=0.3, got y {string.Join(", ", lastY)}");
    }

    [Fact]
    public void Points_are_the_mean_and_sample_std_over_seeds()
    {
        var figure = Figure(TemperatureByLayout(), "accuracy-vs-fgsm.svg");
        var none = figure.Figure.Panels.Single(p => p.Title == "model.dropout=none");
        var eighth = none.Series.Single(s => s.Label == "1/8");

        Assert.Equal([0, 0.1, 0.2, 0.3], eighth.Points.Select(p => p.X));
        var cleanMean = (Clean("none", 1) + Clean("none", 2)) / 2;
        Assert.Equal(cleanMean, eighth.Points[0].Y, 12);
        Assert.Equal(cleanMean - 0.1, eighth.Points[1].Y, 12);
        Assert.Equal(0.002 / Math.Sqrt(2), eighth.Points[0].Error!.Value, 12);
        Assert.All(eighth.Points, p => Assert.Equal(2, p.N));
    }

    [Fact]
    public void Brightness_curve_places_clean_at_factor_one()
    {
        var figure = Figure(TemperatureByLayout(), "accuracy-vs-brightness.svg");

        Assert.All(figure.Figure.Panels.SelectMany(p => p.Series), s => Assert.Equal([0.5, 1, 1.5], s.Points.Select(p => p.X)));
        Assert.Contains("clean at 1", figure.Figure.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_without_varying_axes_draws_one_series_for_all_trials()
    {
        var rows = TemperatureByLayout().Where(r => r.Axes["model.temperature"] == "1" && r.Axes["model.dropout"] == "none").ToList();

        var panel = Assert.Single(Figure(rows, "accuracy-vs-fgsm.svg").Figure.Panels);

        Assert.Equal(ArmPanels.AllTrials, Assert.Single(panel.Series).Label);
    }

    [Fact]
    public void Error_metric_can_be_drawn_instead_of_accuracy()
    {
        var rows = TemperatureByLayout();
        rows.AddRange(rows.Select(r => r with { Metric = "error", Value = 1 - r.Value }).ToList());

        var figures = FigureReport.Build(rows, [], new FigureOptions { CurveMetrics = ["error"] });

        Assert.Contains(figures, f => f.File == "error-vs-fgsm.svg");
        Assert.DoesNotContain(figures, f => f.File == "accuracy-vs-fgsm.svg");
    }

    [Fact]
    public void Same_rows_in_any_order_render_the_same_bytes()
    {
        var rows = TemperatureByLayout();

        var first = SvgFigure.Render(Figure(rows, "accuracy-vs-fgsm.svg").Figure);
        var second = SvgFigure.Render(Figure(Scrambled(rows), "accuracy-vs-fgsm.svg").Figure);

        Assert.Equal(first, second);
    }
}
