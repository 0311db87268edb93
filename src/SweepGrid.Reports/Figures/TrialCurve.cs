namespace SweepGrid.Reports.Figures;

/// <summary>A trial's training curve, as the store keeps it beside the trial's results.</summary>
/// <param name="TrialId">The trial; must match the <see cref="ResultRow.TrialId"/> of its rows for axes and seed.</param>
/// <param name="Epochs">The epochs in training order.</param>
public sealed record TrialCurve(string TrialId, IReadOnlyList<EpochPoint> Epochs);
