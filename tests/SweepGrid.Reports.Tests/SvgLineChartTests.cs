using System.Xml.Linq;
using static SweepGrid.Reports.Tests.Fixture;

namespace SweepGrid.Reports.Tests;

public class SvgLineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly string[] Temperatures = ["0.015625", "0.03125", "0.0625", "0.125", "0.25", "0.5", "1", "2", "4", "8", "16"];

    /// <summary>11 temperatures × 3 seeds × 3 conditions.</summary>
    private static List<ResultRow> TemperatureSweep()
    {
        var rows = new List<ResultRow>();
        foreach (var t in Temperatures)
        {
            for (ulong seed = 1; seed <= 3; seed++)
            {
                var trial = $"T{t}-s{seed}";
                rows.Add(Row(trial, seed, "clean", 0.97 - (0.001 * seed), axes: [("model.temperature", t)]));
                rows.Add(Row(trial, seed, "fgsm=0.1", 0.6 + (0.01 * seed), axes: [("model.temperature", t)]));
                rows.Add(Row(trial, seed, "fgsm=0.2", 0.3 + (0.02 * seed), axes: [("model.temperature", t)]));
            }
        }

        return rows;
    }

    private static XDocument Chart(IEnumerable<ResultRow> rows, string axis = "model.temperature") =>
        XDocument.Parse(SvgLineChart.Render(LineChartData.FromPivot(PivotBuilder.Build(rows), axis)!));

    [Fact]
    public void Chart_is_well_formed_svg_with_one_series_per_condition_and_one_point_per_temperature()
    {
        var svg = Chart(TemperatureSweep());

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        var series = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();
        Assert.Equal(["clean", "fgsm=0.1", "fgsm=0.2"], series.Select(s => (string?)s.Attribute("data-label")));
        Assert.All(series, s =>
        {
            Assert.Equal(Temperatures.Length, s.Elements(Svg + "circle").Count());
            Assert.Equal(Temperatures.Length, s.Elements(Svg + "path").Count(p => (string?)p.Attribute("class") == "error-bar"));
            Assert.Single(s.Elements(Svg + "polyline"));
        });
        Assert.Equal(3, svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Elements(Svg + "text").Count());
    }

    [Fact]
    public void Temperature_axis_spanning_1_64_to_16_uses_log2_ticks_at_powers_of_two()
    {
        var xAxis = Chart(TemperatureSweep()).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "x-axis");

        Assert.Equal("log2", (string?)xAxis.Attribute("data-scale"));
        var ticks = xAxis.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value).ToList();
        Assert.Equal(["1/64", "1/32", "1/16", "1/8", "1/4", "1/2", "1", "2", "4", "8", "16"], ticks);
        var positions = xAxis.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick")
            .Select(t => double.Parse((string)t.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var gaps = positions.Zip(positions.Skip(1), (a, b) => Math.Round(b - a, 1)).Distinct().ToList();
        Assert.True(gaps.Count == 1, $"expected evenly spaced ticks on a log₂ axis, got gaps {string.Join(", ", gaps)}");
    }

    [Fact]
    public void Axis_spanning_less_than_8x_is_linear()
    {
        ResultRow[] rows =
        [
            Row("a", 1, "clean", 0.9, axes: [("training.epochs", "2")]),
            Row("b", 1, "clean", 0.95, axes: [("training.epochs", "10")]),
        ];

        var xAxis = Chart(rows, "training.epochs").Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "x-axis");

        Assert.Equal("linear", (string?)xAxis.Attribute("data-scale"));
    }

    [Fact]
    public void Same_input_renders_the_same_bytes()
    {
        var first = SvgLineChart.Render(LineChartData.FromPivot(PivotBuilder.Build(TemperatureSweep()), "model.temperature")!);
        var second = SvgLineChart.Render(LineChartData.FromPivot(PivotBuilder.Build(Enumerable.Reverse(TemperatureSweep())), "model.temperature")!);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Text_is_escaped()
    {
        var data = new LineChartData("a < b & \"c\"", "x", "y", [new ChartSeries("<fgsm>", [new ChartPoint(1, 0.5, null, 1), new ChartPoint(2, 0.6, 0.1, 2)])]);

        var svg = XDocument.Parse(SvgLineChart.Render(data));

        Assert.Equal("a < b & \"c\"", svg.Root!.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "<fgsm>");
    }

    [Fact]
    public void Other_varying_axes_split_series_instead_of_being_averaged()
    {
        var rows = new List<ResultRow>();
        foreach (var t in new[] { "0.125", "1", "8" })
        {
            foreach (var dropout in new[] { "none", "all" })
            {
                rows.Add(Row($"{t}-{dropout}", 1, "clean", 0.9, axes: [("model.temperature", t), ("model.dropout", dropout)]));
            }
        }

        var data = LineChartData.FromPivot(PivotBuilder.Build(rows), "model.temperature")!;

        Assert.Equal(["clean, model.dropout=all", "clean, model.dropout=none"], data.Series.Select(s => s.Label));
        Assert.All(data.Series, s => Assert.Equal([0.125, 1, 8], s.Points.Select(p => p.X)));
    }

    [Fact]
    public void Text_axes_give_no_chart()
    {
        ResultRow[] rows =
        [
            Row("a", 1, "clean", 0.9, axes: [("model.dropout", "none")]),
            Row("b", 1, "clean", 0.9, axes: [("model.dropout", "all")]),
        ];

        Assert.Null(LineChartData.FromPivot(PivotBuilder.Build(rows), "model.dropout"));
    }
}
