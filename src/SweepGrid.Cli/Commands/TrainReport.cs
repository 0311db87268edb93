using System.Text.Json;
using System.Text.Json.Serialization;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Cli.Commands;

/// <summary>The JSON object `sweepgrid train --json` prints (snake_case names).</summary>
public sealed record TrainReport(
    string Model,
    string Spec,
    string Status,
    string? Reason,
    double? Accuracy,
    int Epochs,
    double TrainingSeconds,
    double TrainingSamplesPerSecond,
    IReadOnlyList<EpochStats> Curve)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
