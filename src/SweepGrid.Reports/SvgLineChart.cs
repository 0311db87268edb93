using SweepGrid.Reports.Figures;

namespace SweepGrid.Reports;

/// <summary>
/// Draws a <see cref="LineChartData"/> as a standalone SVG 1.1 document through <see cref="SvgFigure"/>: title,
/// axes with ticks and labels, one polyline per series with a marker and a ± std error bar per point, and a
/// legend under the plot that wraps and never leaves the canvas. Up to <see cref="SeriesSplit.MaxSeriesPerPanel"/>
/// series share one panel; more get one panel per condition family (clean, the reference, in each), each cut
/// into near-equal parts of at most that many series. Output is deterministic and all text XML-escaped.
/// </summary>
public static class SvgLineChart
{
    /// <summary>
    /// Renders the chart. Each panel is a <c>&lt;g class="panel"&gt;</c>; each series a <c>&lt;g class="series"&gt;</c>
    /// holding one <c>&lt;polyline&gt;</c> and one <c>&lt;circle&gt;</c> per point; the x axis group carries
    /// <c>data-scale="log2"</c> or <c>"linear"</c> (see <see cref="LineChartData.UsesLogScale"/>).
    /// </summary>
    public static string Render(LineChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SvgFigure.Render(new Figure(data.Title, Panels(data)));
    }

    /// <summary>
    /// One panel when the series fit; otherwise one per condition family (its reference, clean, in each), then
    /// per arm (combination of the other axes) where a family still has too many, then near-equal parts.
    /// </summary>
    internal static IReadOnlyList<FigurePanel> Panels(LineChartData data)
    {
        FigurePanel Panel(string title, IReadOnlyList<ChartSeries> series, string family) => new(title, PanelKind.Line, data.XLabel, data.YLabel, series, [], ScaleGroup: family);
        if (data.Series.Count <= SeriesSplit.MaxSeriesPerPanel)
        {
            return [Panel("", data.Series, "")];
        }

        var panels = new List<FigurePanel>();
        foreach (var family in ConditionStrength.Families(data.Series.Select(s => s.Condition)))
        {
            var members = data.Series.Where(s => ConditionStrength.Belongs(s.Condition, family)).ToList();
            // Split by arm, the panel title names the arm, so each legend entry shows only its condition.
            var byArm = members.Count > SeriesSplit.MaxSeriesPerPanel
                ? members.GroupBy(s => s.Arm, StringComparer.Ordinal).Select(g => (Title: ArmPanels.Join(family, g.Key), Series: g.Select(s => s.Condition.Length > 0 ? s with { Label = s.Condition } : s).ToList()))
                : [(Title: family, Series: members)];
            panels.AddRange(byArm.SelectMany(a => SeriesSplit.Chunk(a.Title, a.Series)).Select(part => Panel(part.Title, part.Series, family)));
        }

        return panels;
    }

    /// <summary>XML-escapes text for element content and double-quoted attributes.</summary>
    internal static string Escape(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length);
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
}
