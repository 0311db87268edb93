namespace SweepGrid.Store;

/// <summary>What a node reports with each heartbeat; stored as JSON text on the trial.</summary>
/// <param name="Epoch">The epoch being trained (0 before training starts).</param>
/// <param name="Loss">The latest training loss, if any (NaN and infinities are allowed).</param>
/// <param name="SamplesPerSecond">Training throughput, if measured.</param>
public sealed record TrialProgress(int Epoch, double? Loss, double? SamplesPerSecond);
