namespace SweepGrid.Reports.Figures;

/// <summary>One epoch of a trial's stored training curve.</summary>
/// <param name="Epoch">The 1-based epoch.</param>
/// <param name="Loss">Mean training loss per sample over the epoch.</param>
/// <param name="TrainAccuracy">Training accuracy over the epoch.</param>
public readonly record struct EpochPoint(int Epoch, double Loss, double TrainAccuracy);

/// <summary>A trial's training curve, as the store keeps it beside the trial's results.</summary>
/// <param name="TrialId">The trial; must match the <see cref="ResultRow.TrialId"/> of its rows for axes and seed.</param>
/// <param name="Epochs">The epochs in training order.</param>
public sealed record TrialCurve(string TrialId, IReadOnlyList<EpochPoint> Epochs);
