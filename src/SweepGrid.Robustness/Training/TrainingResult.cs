namespace SweepGrid.Robustness.Training;

/// <summary>How a training ended. Divergence and cancellation are outcomes, not exceptions.</summary>
public enum TrainingStatus
{
    Completed,
    Diverged,
    Cancelled,
}

/// <summary>
/// One point of the training curve: mean loss per sample and accuracy over the epoch, throughput, and
/// the learning rate the epoch started with (for per-iteration schedules, the rate of its first mini-batch).
/// </summary>
public sealed record EpochStats(int Epoch, double Loss, double TrainAccuracy, double SamplesPerSecond, double Seconds, double LearningRate);

/// <summary>The outcome of <see cref="Trainer.Train"/>: status, reason, curve and timings.</summary>
public sealed record TrainingResult(TrainingStatus Status, string? Reason, IReadOnlyList<EpochStats> Curve, double Seconds, long Samples)
{
    /// <summary>Training samples processed per second of training (excluding set-up).</summary>
    public double SamplesPerSecond => Seconds > 0 ? Samples / Seconds : 0;
}
