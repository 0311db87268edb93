using System.Globalization;
using System.Text;

namespace SweepGrid.Reports;

/// <summary>
/// Draws a <see cref="LineChartData"/> as a standalone SVG 1.1 document (no scripts, no external
/// resources): title, axes with ticks and labels, one polyline per series with a marker and a ± std
/// error bar per point, and a legend. Output is deterministic (same data → same bytes: coordinates are
/// printed with two decimals in the invariant culture) and all text is XML-escaped.
/// </summary>
public static class SvgLineChart
{
    private const double Width = 760;
    private const double MinHeight = 440;
    private const double Left = 72;
    private const double Right = 230;
    private const double Top = 44;
    private const double Bottom = 58;
    private const double LegendRow = 18;

    // Tableau 10: distinguishable and print-safe; beyond ten series the dash pattern changes too.
    private static readonly string[] Colours =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    private static readonly string[] Dashes = ["", "6 3", "2 2", "8 3 2 3"];

    /// <summary>
    /// Renders the chart. Each series is a <c>&lt;g class="series"&gt;</c> holding one
    /// <c>&lt;polyline&gt;</c> and one <c>&lt;circle&gt;</c> per point; the x axis group carries
    /// <c>data-scale="log2"</c> or <c>"linear"</c> (see <see cref="LineChartData.UsesLogScale"/>).
    /// </summary>
    public static string Render(LineChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var points = data.Series.SelectMany(s => s.Points).ToList();
        var height = Math.Max(MinHeight, Top + (data.Series.Count * LegendRow) + 20);
        var plotRight = Width - Right;
        var plotBottom = height - Bottom;

        var xs = points.Select(p => p.X).DefaultIfEmpty(0).ToList();
        var x = data.UsesLogScale
            ? ChartScale.Log2(xs.Min(), xs.Max(), Left, plotRight)
            : ChartScale.Linear(xs.Min(), xs.Max(), Left, plotRight);
        var y = ChartScale.Linear(
            points.Select(p => p.Y - (p.Error ?? 0)).DefaultIfEmpty(0).Min(),
            points.Select(p => p.Y + (p.Error ?? 0)).DefaultIfEmpty(1).Max(),
            plotBottom,
            Top);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append("<title>").Append(Escape(data.Title)).Append("</title>\n");
        svg.Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"));
        svg.Append(Invariant($"<text class=\"title\" x=\"{N((Left + plotRight) / 2)}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">")).Append(Escape(data.Title)).Append("</text>\n");

        AppendXAxis(svg, x, data.XLabel, plotBottom, plotRight);
        AppendYAxis(svg, y, data.YLabel, plotBottom, plotRight);
        for (var i = 0; i < data.Series.Count; i++)
        {
            AppendSeries(svg, data.Series[i], i, x, y);
        }

        AppendLegend(svg, data.Series, plotRight + 16);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void AppendXAxis(StringBuilder svg, ChartScale x, string label, double plotBottom, double plotRight)
    {
        svg.Append(Invariant($"<g class=\"x-axis\" data-scale=\"{(x.IsLog ? "log2" : "linear")}\" stroke=\"#000000\">\n"));
        svg.Append(Invariant($"<line x1=\"{N(Left)}\" y1=\"{N(plotBottom)}\" x2=\"{N(plotRight)}\" y2=\"{N(plotBottom)}\"/>\n"));
        foreach (var (value, text) in x.Ticks)
        {
            var px = x.ToPixel(value);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{N(px)}\" y1=\"{N(Top)}\" x2=\"{N(px)}\" y2=\"{N(plotBottom)}\" stroke=\"#e0e0e0\"/>\n"));
            svg.Append(Invariant($"<line x1=\"{N(px)}\" y1=\"{N(plotBottom)}\" x2=\"{N(px)}\" y2=\"{N(plotBottom + 5)}\"/>\n"));
            svg.Append(Invariant($"<text class=\"tick\" x=\"{N(px)}\" y=\"{N(plotBottom + 19)}\" text-anchor=\"middle\" stroke=\"none\">")).Append(Escape(text)).Append("</text>\n");
        }

        var scaleNote = x.IsLog ? " (log₂ scale)" : "";
        svg.Append(Invariant($"<text class=\"label\" x=\"{N((Left + plotRight) / 2)}\" y=\"{N(plotBottom + 42)}\" text-anchor=\"middle\" stroke=\"none\">")).Append(Escape(label + scaleNote)).Append("</text>\n");
        svg.Append("</g>\n");
    }

    private static void AppendYAxis(StringBuilder svg, ChartScale y, string label, double plotBottom, double plotRight)
    {
        svg.Append("<g class=\"y-axis\" data-scale=\"linear\" stroke=\"#000000\">\n");
        svg.Append(Invariant($"<line x1=\"{N(Left)}\" y1=\"{N(Top)}\" x2=\"{N(Left)}\" y2=\"{N(plotBottom)}\"/>\n"));
        foreach (var (value, text) in y.Ticks)
        {
            var py = y.ToPixel(value);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{N(Left)}\" y1=\"{N(py)}\" x2=\"{N(plotRight)}\" y2=\"{N(py)}\" stroke=\"#e0e0e0\"/>\n"));
            svg.Append(Invariant($"<line x1=\"{N(Left - 5)}\" y1=\"{N(py)}\" x2=\"{N(Left)}\" y2=\"{N(py)}\"/>\n"));
            svg.Append(Invariant($"<text class=\"tick\" x=\"{N(Left - 8)}\" y=\"{N(py + 4)}\" text-anchor=\"end\" stroke=\"none\">")).Append(Escape(text)).Append("</text>\n");
        }

        var middle = (Top + plotBottom) / 2;
        svg.Append(Invariant($"<text class=\"label\" x=\"16\" y=\"{N(middle)}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {N(middle)})\" stroke=\"none\">")).Append(Escape(label)).Append("</text>\n");
        svg.Append("</g>\n");
    }

    private static void AppendSeries(StringBuilder svg, ChartSeries series, int index, ChartScale x, ChartScale y)
    {
        var colour = Colours[index % Colours.Length];
        var dash = Dashes[index / Colours.Length % Dashes.Length];
        var dashAttribute = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
        svg.Append("<g class=\"series\" data-label=\"").Append(Escape(series.Label)).Append(Invariant($"\" stroke=\"{colour}\" fill=\"{colour}\">\n"));
        var coordinates = string.Join(' ', series.Points.Select(p => $"{N(x.ToPixel(p.X))},{N(y.ToPixel(p.Y))}"));
        svg.Append(Invariant($"<polyline points=\"{coordinates}\" fill=\"none\" stroke-width=\"1.8\"{dashAttribute}/>\n"));
        foreach (var point in series.Points)
        {
            var px = x.ToPixel(point.X);
            if (point.Error is { } error && error > 0)
            {
                var top = y.ToPixel(point.Y + error);
                var bottom = y.ToPixel(point.Y - error);
                svg.Append(Invariant($"<path class=\"error-bar\" d=\"M{N(px)} {N(top)}V{N(bottom)}M{N(px - 4)} {N(top)}H{N(px + 4)}M{N(px - 4)} {N(bottom)}H{N(px + 4)}\" fill=\"none\"/>\n"));
            }

            svg.Append(Invariant($"<circle cx=\"{N(px)}\" cy=\"{N(y.ToPixel(point.Y))}\" r=\"3\"><title>")).Append(Escape(PointTitle(series, point))).Append("</title></circle>\n");
        }

        svg.Append("</g>\n");
    }

    private static void AppendLegend(StringBuilder svg, IReadOnlyList<ChartSeries> series, double left)
    {
        svg.Append("<g class=\"legend\">\n");
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var dash = Dashes[i / Colours.Length % Dashes.Length];
            var dashAttribute = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
            var rowY = Top + 6 + (i * LegendRow);
            svg.Append(Invariant($"<line x1=\"{N(left)}\" y1=\"{N(rowY)}\" x2=\"{N(left + 22)}\" y2=\"{N(rowY)}\" stroke=\"{colour}\" stroke-width=\"1.8\"{dashAttribute}/>\n"));
            svg.Append(Invariant($"<text x=\"{N(left + 28)}\" y=\"{N(rowY + 4)}\">")).Append(Escape(series[i].Label)).Append("</text>\n");
        }

        svg.Append("</g>\n");
    }

    private static string PointTitle(ChartSeries series, ChartPoint point)
    {
        var spread = point.Error is { } e ? " ± " + ValueFormat.FormatMeasurement(e, 4) : "";
        return Invariant($"{series.Label}: x={ValueFormat.FormatShortest(point.X)}, {ValueFormat.FormatMeasurement(point.Y, 4)}{spread} (n={point.N})");
    }

    /// <summary>XML-escapes text for element content and double-quoted attributes.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&apos;"),
                // Control characters are not allowed in XML 1.0 at all; drop them rather than emit invalid XML.
                _ when char.IsControl(c) && c is not '\t' and not '\n' and not '\r' => escaped,
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static string N(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
