using System.Globalization;
using System.Text;

namespace SweepGrid.Reports.Figures;

/// <summary>
/// Draws a <see cref="Figure"/> as a standalone SVG 1.1 document (no scripts, no external resources): the
/// figure title, then each panel one below the other with its title, axes, ticks, series and a legend
/// under the plot. The legend flows in rows across the full width and wraps long labels, and the canvas
/// grows to hold it, so no legend entry is ever cut off. Bar panels widen the canvas when categories need
/// it and wrap tick labels that would overlap (moving edge labels inward). Deterministic bytes (invariant culture, two decimals);
/// all text XML-escaped.
/// </summary>
public static class SvgFigure
{
    internal const double MinWidth = 760;
    internal const double Left = 78;
    internal const double Right = 28;
    internal const double PlotHeight = 270;
    internal const double LegendFont = 12;
    internal const int GridFrom = 4;
    private const double GridNarrowing = 120;
    private const double TitleLine = 19;
    private const double TickLine = 14;
    private const double LegendLine = 15;
    private const double LegendGap = 6;
    private const double Swatch = 24;

    // Tableau 10: distinguishable and print-safe. A panel holds at most eight series, so colour alone
    // identifies a series; markers differ as well so that a grey-scale print stays readable.
    private static readonly string[] Colours =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    private static readonly string[] Dashes = ["", "6 3", "2 2", "8 3 2 3"];

    /// <summary>
    /// Renders the figure. Each panel is a <c>&lt;g class="panel"&gt;</c>; see <see cref="SvgLineChart.Render"/> for
    /// the inner structure. From <see cref="GridFrom"/> panels on, panels sit two to a row (small multiples) so
    /// that a figure stays about as tall as it is wide.
    /// </summary>
    public static string Render(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var columns = figure.Panels.Count >= GridFrom ? 2 : 1;
        var columnWidth = figure.Panels.Select(PanelWidth).DefaultIfEmpty(MinWidth).Max() - (columns > 1 ? GridNarrowing : 0);
        var width = columns * columnWidth;
        var ranges = figure.Panels.GroupBy(p => p.ScaleGroup, StringComparer.Ordinal).ToDictionary(g => g.Key, g => YRange(g.ToList()), StringComparer.Ordinal);
        var body = new StringBuilder();
        var top = 40.0 + ((SvgText.Wrap(figure.Title, 15, width - 20, bold: true).Count - 1) * TitleLine);
        for (var first = 0; first < figure.Panels.Count; first += columns)
        {
            var rowBottom = top;
            for (var c = 0; c < columns && first + c < figure.Panels.Count; c++)
            {
                var left = c * columnWidth;
                rowBottom = Math.Max(rowBottom, AppendPanel(body, figure.Panels[first + c], ranges[figure.Panels[first + c].ScaleGroup], top, left, left + columnWidth));
            }

            top = rowBottom;
        }

        var height = Math.Ceiling(top + 8);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"{SvgText.FontFamily}\" font-size=\"12\">\n"));
        svg.Append("<title>").Append(Escape(figure.Title)).Append("</title>\n");
        svg.Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n"));
        var titleLines = SvgText.Wrap(figure.Title, 15, width - 20, bold: true);
        for (var i = 0; i < titleLines.Count; i++)
        {
            svg.Append(Invariant($"<text class=\"title\" x=\"{N(width / 2)}\" y=\"{N(24 + (i * TitleLine))}\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">")).Append(Escape(titleLines[i])).Append("</text>\n");
        }

        svg.Append(body);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The canvas width a panel needs: wide enough for 8 px per bar and each category label's share.</summary>
    private static double PanelWidth(FigurePanel panel)
    {
        if (panel.Kind != PanelKind.Bar || panel.Categories.Count == 0)
        {
            return MinWidth;
        }

        var bars = Math.Max(1, panel.Series.Count);
        var longest = panel.Categories.Max(c => SvgText.Width(c, 12));
        var perCategory = Math.Max(Math.Max((bars * 12) + 16, 40), Math.Min(longest, 120) + 10);
        return Math.Max(MinWidth, Left + Right + (panel.Categories.Count * perCategory));
    }

    /// <summary>
    /// The y range shared by panels of one scale group, so that they compare at a glance (small multiples share
    /// their axes): all means ± std, and zero when any panel draws bars.
    /// </summary>
    private static (double Low, double High) YRange(IReadOnlyList<FigurePanel> panels)
    {
        var points = panels.SelectMany(p => p.Series).SelectMany(s => s.Points).ToList();
        var low = points.Select(p => p.Y - (p.Error ?? 0)).DefaultIfEmpty(0).Min();
        var high = points.Select(p => p.Y + (p.Error ?? 0)).DefaultIfEmpty(1).Max();
        return panels.Any(p => p.Kind == PanelKind.Bar) ? (Math.Min(0, low), Math.Max(0, high)) : (low, high);
    }

    private static double AppendPanel(StringBuilder svg, FigurePanel panel, (double Low, double High) range, double top, double boxLeft, double boxRight)
    {
        var left = boxLeft + Left;
        var plotRight = boxRight - Right;
        svg.Append("<g class=\"panel\" data-title=\"").Append(Escape(panel.Title)).Append("\">\n");
        if (panel.Title.Length > 0)
        {
            foreach (var line in SvgText.Wrap(panel.Title, 13, plotRight - left, bold: true))
            {
                svg.Append(Invariant($"<text class=\"panel-title\" x=\"{N((left + plotRight) / 2)}\" y=\"{N(top + 14)}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">")).Append(Escape(line)).Append("</text>\n");
                top += 17;
            }

            top += 7;
        }

        var plotTop = top + 6;
        var plotBottom = plotTop + PlotHeight;
        var y = ChartScale.Linear(range.Low, range.High, plotBottom, plotTop);

        AppendYAxis(svg, y, panel.YLabel, left, plotTop, plotBottom, plotRight);
        var below = panel.Kind == PanelKind.Bar
            ? AppendBars(svg, panel, y, left, plotBottom, plotRight)
            : AppendLines(svg, panel, y, left, plotTop, plotBottom, plotRight);
        var legendTop = plotBottom + below + 8;
        var bottom = AppendLegend(svg, panel, legendTop, left, plotRight);
        svg.Append("</g>\n");
        return bottom + 18;
    }

    /// <summary>Draws the x axis and the line series; returns the height used below the plot (ticks and label).</summary>
    private static double AppendLines(StringBuilder svg, FigurePanel panel, ChartScale y, double left, double plotTop, double plotBottom, double plotRight)
    {
        var xs = panel.Series.SelectMany(s => s.Points).Select(p => p.X).DefaultIfEmpty(0).ToList();
        var log = panel.LogXAllowed && xs.All(v => v > 0) && xs.Max() >= 8 * xs.Min();
        var x = log ? ChartScale.Log2(xs.Min(), xs.Max(), left, plotRight) : ChartScale.Linear(xs.Min(), xs.Max(), left, plotRight);
        var ticks = panel.XTicks ?? x.Ticks;
        svg.Append(Invariant($"<g class=\"x-axis\" data-scale=\"{(log ? "log2" : "linear")}\" stroke=\"#000000\">\n"));
        svg.Append(Invariant($"<line x1=\"{N(left)}\" y1=\"{N(plotBottom)}\" x2=\"{N(plotRight)}\" y2=\"{N(plotBottom)}\"/>\n"));
        var pixels = ticks.Select(t => x.ToPixel(t.Value)).ToList();
        var lines = 1;
        for (var i = 0; i < ticks.Count; i++)
        {
            var px = pixels[i];
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{N(px)}\" y1=\"{N(plotTop)}\" x2=\"{N(px)}\" y2=\"{N(plotBottom)}\" stroke=\"#e6e6e6\"/>\n"));
            svg.Append(Invariant($"<line x1=\"{N(px)}\" y1=\"{N(plotBottom)}\" x2=\"{N(px)}\" y2=\"{N(plotBottom + 5)}\"/>\n"));
            var room = Math.Min(i > 0 ? px - pixels[i - 1] : double.MaxValue, i + 1 < ticks.Count ? pixels[i + 1] - px : double.MaxValue);
            lines = Math.Max(lines, AppendTickLabel(svg, px, plotBottom, ticks[i].Label, Math.Min(room - 6, plotRight - left), left - Left, plotRight + Right));
        }

        var below = TickBand(lines);
        var label = panel.XLabel + (log ? " (log₂ scale)" : "");
        svg.Append(Invariant($"<text class=\"label\" x=\"{N((left + plotRight) / 2)}\" y=\"{N(plotBottom + below + 16)}\" text-anchor=\"middle\" stroke=\"none\">")).Append(Escape(label)).Append("</text>\n");
        svg.Append("</g>\n");

        for (var i = 0; i < panel.Series.Count; i++)
        {
            var series = panel.Series[i];
            var colour = Colours[i % Colours.Length];
            var dash = Dashes[i / Colours.Length % Dashes.Length];
            var dashAttribute = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
            svg.Append("<g class=\"series\" data-label=\"").Append(Escape(series.Label)).Append(Invariant($"\" stroke=\"{colour}\" fill=\"{colour}\">\n"));
            var coordinates = string.Join(' ', series.Points.Select(p => $"{N(x.ToPixel(p.X))},{N(y.ToPixel(p.Y))}"));
            svg.Append(Invariant($"<polyline points=\"{coordinates}\" fill=\"none\" stroke-width=\"1.8\"{dashAttribute}/>\n"));
            foreach (var point in series.Points)
            {
                var px = x.ToPixel(point.X);
                AppendErrorBar(svg, px, point, y);
                svg.Append(Invariant($"<circle cx=\"{N(px)}\" cy=\"{N(y.ToPixel(point.Y))}\" r=\"3\"><title>")).Append(Escape(PointTitle(series, point, ValueFormat.FormatShortest(point.X)))).Append("</title></circle>\n");
            }

            svg.Append("</g>\n");
        }

        return below + 22;
    }

    /// <summary>Draws the category axis and grouped bars; returns the height used below the plot.</summary>
    private static double AppendBars(StringBuilder svg, FigurePanel panel, ChartScale y, double left, double plotBottom, double plotRight)
    {
        var count = Math.Max(1, panel.Categories.Count);
        var group = (plotRight - left) / count;
        var bars = Math.Max(1, panel.Series.Count);
        var barWidth = Math.Min(36, group * 0.8 / bars);
        var zero = y.ToPixel(0);
        svg.Append("<g class=\"x-axis\" data-scale=\"categorical\" stroke=\"#000000\">\n");
        svg.Append(Invariant($"<line x1=\"{N(left)}\" y1=\"{N(zero)}\" x2=\"{N(plotRight)}\" y2=\"{N(zero)}\"/>\n"));
        var lines = 1;
        for (var c = 0; c < panel.Categories.Count; c++)
        {
            lines = Math.Max(lines, AppendTickLabel(svg, left + ((c + 0.5) * group), plotBottom, panel.Categories[c], group - 6, left - Left, plotRight + Right));
        }

        var below = TickBand(lines);
        svg.Append(Invariant($"<text class=\"label\" x=\"{N((left + plotRight) / 2)}\" y=\"{N(plotBottom + below + 16)}\" text-anchor=\"middle\" stroke=\"none\">")).Append(Escape(panel.XLabel)).Append("</text>\n");
        svg.Append("</g>\n");

        for (var i = 0; i < panel.Series.Count; i++)
        {
            var series = panel.Series[i];
            var colour = Colours[i % Colours.Length];
            svg.Append("<g class=\"series\" data-label=\"").Append(Escape(series.Label)).Append(Invariant($"\" stroke=\"{colour}\" fill=\"{colour}\">\n"));
            foreach (var point in series.Points)
            {
                var centre = left + (point.X * group) + (group / 2) + ((i - ((bars - 1) / 2.0)) * barWidth);
                var py = y.ToPixel(point.Y);
                svg.Append(Invariant($"<rect class=\"bar\" x=\"{N(centre - (barWidth / 2))}\" y=\"{N(Math.Min(py, zero))}\" width=\"{N(barWidth * 0.9)}\" height=\"{N(Math.Abs(zero - py))}\" fill-opacity=\"0.85\" stroke=\"none\"><title>"))
                    .Append(Escape(PointTitle(series, point, panel.Categories[(int)point.X]))).Append("</title></rect>\n");
                AppendErrorBar(svg, centre - (barWidth * 0.05), point, y, "#333333");
            }

            svg.Append("</g>\n");
        }

        return below + 22;
    }

    /// <summary>
    /// Writes a tick label centred under <paramref name="px"/>, wrapped to <paramref name="maxWidth"/> and moved
    /// inward where it would cross the panel's edge; returns its line count.
    /// </summary>
    private static int AppendTickLabel(StringBuilder svg, double px, double plotBottom, string text, double maxWidth, double boxLeft, double boxRight)
    {
        var lines = SvgText.Wrap(text, 12, Math.Max(maxWidth, 30));
        var half = lines.Max(l => SvgText.Width(l, 12)) / 2;
        var cx = px - half < boxLeft + 2 ? boxLeft + 2 + half : px + half > boxRight - 2 ? boxRight - 2 - half : px;
        svg.Append(Invariant($"<text class=\"tick\" x=\"{N(cx)}\" y=\"{N(plotBottom + 18)}\" text-anchor=\"middle\" stroke=\"none\">"));
        if (lines.Count == 1)
        {
            svg.Append(Escape(text));
        }
        else
        {
            for (var l = 0; l < lines.Count; l++)
            {
                svg.Append(Invariant($"<tspan x=\"{N(cx)}\" dy=\"{(l == 0 ? 0 : TickLine)}\">")).Append(Escape(lines[l])).Append("</tspan>");
            }
        }

        svg.Append("</text>\n");
        return lines.Count;
    }

    /// <summary>The height that tick labels take below the plot.</summary>
    private static double TickBand(int lines) => 24 + ((lines - 1) * TickLine);

    private static void AppendErrorBar(StringBuilder svg, double px, ChartPoint point, ChartScale y, string? colour = null)
    {
        // A spread at rounding-noise level (identical seeds summed in another order) is no spread.
        if (point.Error is not { } error || error <= 1e-12 * Math.Max(1, Math.Abs(point.Y)))
        {
            return;
        }

        var stroke = colour is null ? "" : $" stroke=\"{colour}\"";
        var top = y.ToPixel(point.Y + error);
        var bottom = y.ToPixel(point.Y - error);

        svg.Append(Invariant($"<path class=\"error-bar\" d=\"M{N(px)} {N(top)}V{N(bottom)}M{N(px - 4)} {N(top)}H{N(px + 4)}M{N(px - 4)} {N(bottom)}H{N(px + 4)}\" fill=\"none\"{stroke}/>\n"));
    }

    private static void AppendYAxis(StringBuilder svg, ChartScale y, string label, double left, double plotTop, double plotBottom, double plotRight)
    {
        svg.Append("<g class=\"y-axis\" data-scale=\"linear\" stroke=\"#000000\">\n");
        svg.Append(Invariant($"<line x1=\"{N(left)}\" y1=\"{N(plotTop)}\" x2=\"{N(left)}\" y2=\"{N(plotBottom)}\"/>\n"));
        foreach (var (value, text) in y.Ticks)
        {
            var py = y.ToPixel(value);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{N(left)}\" y1=\"{N(py)}\" x2=\"{N(plotRight)}\" y2=\"{N(py)}\" stroke=\"#e6e6e6\"/>\n"));
            svg.Append(Invariant($"<line x1=\"{N(left - 5)}\" y1=\"{N(py)}\" x2=\"{N(left)}\" y2=\"{N(py)}\"/>\n"));
            svg.Append(Invariant($"<text class=\"tick\" x=\"{N(left - 8)}\" y=\"{N(py + 4)}\" text-anchor=\"end\" stroke=\"none\">")).Append(Escape(text)).Append("</text>\n");
        }

        // A label longer than the plot is tall is wrapped into two lines rather than run off the canvas.
        var middle = (plotTop + plotBottom) / 2;
        var lines = SvgText.Wrap(label, 12, PlotHeight).Take(2).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var lx = left - Left + 16 + (i * 15) - ((lines.Count - 1) * 7.5) + 2;
            svg.Append(Invariant($"<text class=\"label\" x=\"{N(lx)}\" y=\"{N(middle)}\" text-anchor=\"middle\" transform=\"rotate(-90 {N(lx)} {N(middle)})\" stroke=\"none\">")).Append(Escape(lines[i])).Append("</text>\n");
        }

        svg.Append("</g>\n");
    }

    /// <summary>
    /// Lays the legend out in rows from the plot's left edge to its right edge, wrapping long labels; an
    /// optional title comes first. Returns the legend's bottom.
    /// </summary>
    private static double AppendLegend(StringBuilder svg, FigurePanel panel, double top, double left, double right)
    {
        svg.Append("<g class=\"legend\">\n");
        var available = right - left - Swatch - 8;
        var x = left;
        var rowTop = top;
        var rowHeight = 0.0;
        if (panel.LegendTitle.Length > 0 && panel.Series.Count > 0)
        {
            var titleLines = SvgText.Wrap(panel.LegendTitle + ":", LegendFont, right - left, bold: true);
            for (var l = 0; l < titleLines.Count; l++)
            {
                svg.Append(Invariant($"<text class=\"legend-title\" x=\"{N(x)}\" y=\"{N(rowTop + 10 + (l * LegendLine))}\" font-weight=\"bold\">")).Append(Escape(titleLines[l])).Append("</text>\n");
            }

            x += titleLines.Max(l => SvgText.Width(l, LegendFont, bold: true)) + 14;
            rowHeight = 12 + ((titleLines.Count - 1) * LegendLine);
        }

        for (var i = 0; i < panel.Series.Count; i++)
        {
            var lines = SvgText.Wrap(panel.Series[i].Label, LegendFont, available);
            var entryWidth = Swatch + 6 + lines.Max(l => SvgText.Width(l, LegendFont)) + 18;
            if (x > left && x + entryWidth > right)
            {
                x = left;
                rowTop += rowHeight + LegendGap;
                rowHeight = 0;
            }

            var colour = Colours[i % Colours.Length];
            var middle = rowTop + 6;
            if (panel.Kind == PanelKind.Bar)
            {
                svg.Append(Invariant($"<rect x=\"{N(x)}\" y=\"{N(middle - 5)}\" width=\"{N(Swatch)}\" height=\"10\" fill=\"{colour}\" fill-opacity=\"0.85\"/>\n"));
            }
            else
            {
                var dash = Dashes[i / Colours.Length % Dashes.Length];
                var dashAttribute = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
                svg.Append(Invariant($"<line x1=\"{N(x)}\" y1=\"{N(middle)}\" x2=\"{N(x + Swatch)}\" y2=\"{N(middle)}\" stroke=\"{colour}\" stroke-width=\"1.8\"{dashAttribute}/>\n"));
                svg.Append(Invariant($"<circle cx=\"{N(x + (Swatch / 2))}\" cy=\"{N(middle)}\" r=\"3\" fill=\"{colour}\"/>\n"));
            }

            var textX = x + Swatch + 6;
            svg.Append(Invariant($"<text x=\"{N(textX)}\" y=\"{N(middle + 4)}\">"));
            for (var l = 0; l < lines.Count; l++)
            {
                svg.Append(Invariant($"<tspan x=\"{N(textX)}\" dy=\"{(l == 0 ? 0 : LegendLine)}\">")).Append(Escape(lines[l])).Append("</tspan>");
            }

            svg.Append("</text>\n");
            x += entryWidth;
            rowHeight = Math.Max(rowHeight, 12 + ((lines.Count - 1) * LegendLine));
        }

        svg.Append("</g>\n");
        return rowTop + rowHeight;
    }

    private static string PointTitle(ChartSeries series, ChartPoint point, string x)
    {
        var spread = point.Error is { } e ? " ± " + ValueFormat.FormatMeasurement(e, 4) : "";
        return Invariant($"{series.Label}: x={x}, {ValueFormat.FormatMeasurement(point.Y, 4)}{spread} (n={point.N})");
    }

    internal static string Escape(string text) => SvgLineChart.Escape(text);

    private static string N(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
