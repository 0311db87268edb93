namespace SweepGrid.Reports;

/// <summary>One line of a chart: a condition (and the values of any other varying axes), points ordered by x.</summary>
/// <param name="Label">The legend text, e.g. <c>fgsm=0.1</c> or <c>fgsm=0.1, model.dropout=all</c>.</param>
/// <param name="Points">The points, in increasing x.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<ChartPoint> Points);
