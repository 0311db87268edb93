using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>One number of a trial's result, in long format: (condition, metric) → value.</summary>
public sealed record MetricValue(string Condition, string Metric, double Value);

/// <summary>Seconds spent in each phase of a trial.</summary>
public sealed record TrialTimings(double LoadSeconds, double TrainSeconds, double EvaluateSeconds);

/// <summary>
/// A trial's outcome: status (a diverged or cancelled training is a result, not an exception), every
/// metric, the training curve, timings, and the trained weights (<see cref="Weights.ModelWeights"/> bytes) so new
/// conditions can be evaluated later without retraining.
/// </summary>
public sealed record TrialResult(
    TrainingStatus Status,
    string? Reason,
    IReadOnlyList<MetricValue> Metrics,
    IReadOnlyList<EpochStats> Curve,
    TrialTimings Timings,
    byte[]? Weights)
{
    /// <summary>The value of one metric, or null when it was not computed.</summary>
    public double? Get(string condition, string metric) =>
        Metrics.FirstOrDefault(m => m.Condition == condition && m.Metric == metric)?.Value;
}
