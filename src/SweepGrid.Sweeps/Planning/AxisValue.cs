namespace SweepGrid.Sweeps;

/// <summary>
/// A trial's value on one axis, for reports: the canonical text (<c>0.015625</c>, <c>m5</c>, <c>all</c>)
/// and the number when the value is numeric (so reports can plot accuracy against temperature).
/// </summary>
public sealed record AxisValue(string Text, double? Number);
