namespace SweepGrid.Reports.Figures;

/// <summary>One epoch of a trial's stored training curve.</summary>
/// <param name="Epoch">The 1-based epoch.</param>
/// <param name="Loss">Mean training loss per sample over the epoch.</param>
/// <param name="TrainAccuracy">Training accuracy over the epoch.</param>
public readonly record struct EpochPoint(int Epoch, double Loss, double TrainAccuracy);
