namespace SweepGrid.Reports;

/// <summary>One point of a <see cref="ChartSeries"/>: an aggregated cell placed at its axis value.</summary>
/// <param name="X">The numeric axis value.</param>
/// <param name="Y">The cell mean.</param>
/// <param name="Error">The half-length of the error bar (the cell's sample std); null draws no bar (n = 1).</param>
/// <param name="N">How many seeds the point aggregates.</param>
public readonly record struct ChartPoint(double X, double Y, double? Error, int N);
