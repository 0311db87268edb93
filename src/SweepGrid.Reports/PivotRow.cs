namespace SweepGrid.Reports;

/// <summary>One row of a <see cref="PivotTable"/>: one combination of the varying training axes.</summary>
/// <param name="AxisValues">Canonical value text per <see cref="PivotTable.RowAxes"/> entry (empty when a trial lacks the axis).</param>
/// <param name="AxisLabels">The same values as printed (e.g. <c>1/64</c> for <c>0.015625</c>; <c>—</c> when missing).</param>
/// <param name="Cells">One cell per <see cref="PivotTable.Conditions"/> entry, aligned with it.</param>
public sealed record PivotRow(
    IReadOnlyList<string> AxisValues,
    IReadOnlyList<string> AxisLabels,
    IReadOnlyList<PivotCell> Cells);
