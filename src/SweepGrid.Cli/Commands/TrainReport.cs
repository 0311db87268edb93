using System.Text.Json;
using System.Text.Json.Serialization;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Metrics;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Cli.Commands;

/// <summary>The JSON object `sweepgrid train --json` prints (snake_case names; metrics in long format).</summary>
public sealed record TrainReport(
    string Model,
    string Spec,
    string Status,
    string? Reason,
    double? Accuracy,
    int Epochs,
    double TrainingSeconds,
    double TrainingSamplesPerSecond,
    double EvaluationSeconds,
    IReadOnlyList<EpochStats> Curve,
    IReadOnlyList<MetricValue> Metrics)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static TrainReport From(TrialDefinition trial, TrialResult result)
    {
        var samples = result.Curve.Sum(e => e.SamplesPerSecond * e.Seconds);
        return new TrainReport(
            trial.Model.Kind.ToString().ToLowerInvariant(),
            trial.Model.ToString(),
            result.Status.ToString().ToLowerInvariant(),
            result.Reason,
            result.Get("clean", MetricName.Accuracy),
            result.Curve.Count,
            result.Timings.TrainSeconds,
            result.Timings.TrainSeconds > 0 ? samples / result.Timings.TrainSeconds : 0,
            result.Timings.EvaluateSeconds,
            result.Curve,
            result.Metrics);
    }
}
