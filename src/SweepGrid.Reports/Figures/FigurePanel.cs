namespace SweepGrid.Reports.Figures;

/// <summary>
/// One chart of a <see cref="Figure"/>: at most <see cref="SeriesSplit.MaxSeriesPerPanel"/> series, its own
/// axes and its own legend.
/// </summary>
/// <param name="Title">The panel title, e.g. <c>fgsm</c> or <c>model.dropout=all</c>; empty for a figure's only panel.</param>
/// <param name="Kind">Lines or bars.</param>
/// <param name="XLabel">The x-axis label.</param>
/// <param name="YLabel">The y-axis label.</param>
/// <param name="Series">The series, in legend order.</param>
/// <param name="Categories">For <see cref="PanelKind.Bar"/>: the category labels in x order (point X = index); empty for lines.</param>
/// <param name="XTicks">
/// For lines: explicit tick positions and labels (e.g. a zipped axis labelled <c>1/8 / 0.01</c>); null lets
/// the scale choose 1-2-5 or power-of-two ticks.
/// </param>
/// <param name="LegendTitle">
/// Printed before the legend entries, e.g. <c>model.temperature</c> when every entry is a value of that one
/// axis (entries then read <c>1/8</c> rather than <c>model.temperature=1/8</c>); empty for none.
/// </param>
/// <param name="LogXAllowed">
/// False keeps a line panel's x axis linear (epochs); true lets it go log₂ when every x is positive and the
/// largest is at least 8× the smallest (temperatures 1/64 … 16).
/// </param>
/// <param name="ScaleGroup">
/// Panels of one figure with the same group share their y scale (small multiples compare at a glance);
/// panels of different condition families (brightness near clean, FGSM near zero) get their own.
/// </param>
public sealed record FigurePanel(
    string Title,
    PanelKind Kind,
    string XLabel,
    string YLabel,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<string> Categories,
    IReadOnlyList<(double Value, string Label)>? XTicks = null,
    string LegendTitle = "",
    bool LogXAllowed = true,
    string ScaleGroup = "");
