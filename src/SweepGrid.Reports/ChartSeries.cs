namespace SweepGrid.Reports;

/// <summary>One line of a chart: a condition (and the values of any other varying axes), points ordered by x.</summary>
/// <param name="Label">The legend text, e.g. <c>fgsm=0.1</c> or <c>fgsm=0.1, model.dropout=all</c>.</param>
/// <param name="Points">The points, in increasing x.</param>
/// <param name="Condition">The condition the series shows (empty when not one condition); groups series into panels, see <see cref="SvgLineChart"/>.</param>
/// <param name="Arm">The other varying axes' values of the series (e.g. <c>model.dropout=all</c>); empty when none.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<ChartPoint> Points, string Condition = "", string Arm = "");
