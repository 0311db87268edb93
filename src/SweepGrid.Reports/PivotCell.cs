namespace SweepGrid.Reports;

/// <summary>
/// One cell of a <see cref="PivotTable"/>: the aggregate of one configuration under one condition, with
/// the trials it was computed from, so that every printed number can be traced.
/// </summary>
/// <param name="Condition">The column's condition.</param>
/// <param name="Statistics">n, mean, std and the count of excluded non-finite values.</param>
/// <param name="TrialIds">The trials whose finite values were aggregated, in seed order (then trial id).</param>
/// <param name="Seeds">The seeds of <paramref name="TrialIds"/>, aligned with them.</param>
/// <param name="ExcludedTrialIds">The trials whose value (or, for Δ, either paired value) was not finite.</param>
public sealed record PivotCell(
    string Condition,
    CellStatistics Statistics,
    IReadOnlyList<string> TrialIds,
    IReadOnlyList<ulong> Seeds,
    IReadOnlyList<string> ExcludedTrialIds);
