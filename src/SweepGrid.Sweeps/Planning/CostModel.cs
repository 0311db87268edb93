using System.Globalization;

namespace SweepGrid.Sweeps.Planning;

/// <summary>
/// A deliberately rough cost estimate: it tells "minutes" from "days", not more. Training cost is
/// images × epochs scaled by the model's size relative to MLP-256; evaluation counts model passes
/// (an attack step is a forward and a backward pass).
/// </summary>
internal static class CostModel
{
    internal const long TrainingPool = 60_000;
    private const long TestSet = 10_000;

    /// <summary>Forward passes are about three times cheaper than a training step.</summary>
    private const double ForwardFraction = 1.0 / 3;

    /// <summary>Cost of one sample relative to MLP-256, from measured CPU throughput (BRIEF §3.3).</summary>
    private static readonly Dictionary<string, double> ModelFactor = new(StringComparer.Ordinal)
    {
        ["mlp"] = 1,
        ["lenet"] = 16,
        ["ablation"] = 20,
        ["m3"] = 60,
        ["m5"] = 60,
        ["m7"] = 60,
    };

    public static long TrainingImages(TrialSettings settings)
    {
        var pool = TrainingPool - settings.Dataset.Validation;
        return settings.Dataset.TrainLimit > 0 ? Math.Min(settings.Dataset.TrainLimit, pool) : pool;
    }

    public static long TestImages(TrialSettings settings) =>
        settings.Dataset.TestLimit > 0 ? Math.Min(settings.Dataset.TestLimit, TestSet) : TestSet;

    public static double Factor(TrialSettings settings) => ModelFactor.GetValueOrDefault(settings.Model.Kind, 1);

    /// <summary>Model passes over the test set that an evaluation list needs.</summary>
    public static long Passes(IEnumerable<string> evaluations) => evaluations.Sum(Passes);

    private static long Passes(string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            return Passes(entry[(colon + 1)..]);
        }
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? entry : entry[..equals];
        if (name.StartsWith("pgd", StringComparison.Ordinal))
        {
            var steps = name.Length > 3 ? long.Parse(name.AsSpan(3), CultureInfo.InvariantCulture) : 40;
            // "pgd10=0.3;restarts=5": every restart is a full run, plus one forward pass to compare.
            var restarts = entry.Split(';').FirstOrDefault(o => o.StartsWith("restarts=", StringComparison.Ordinal)) is { } option
                ? long.Parse(option.AsSpan(9), CultureInfo.InvariantCulture)
                : 1;
            return ((2 * steps) + 2) * restarts - 1;
        }
        return name switch
        {
            "fgsm" or "gradients" => 3,
            "pixel" => 3 * long.Parse(entry.AsSpan(equals + 1), CultureInfo.InvariantCulture),
            "ood" => 4,
            "ece" => 0,
            _ => 1,
        };
    }

    /// <summary>Seconds on one slot for the given training sample-epochs and evaluation passes (both MLP-equivalent).</summary>
    public static double Seconds(double weightedSampleEpochs, double weightedPasses, PlannerOptions options) =>
        (weightedSampleEpochs + weightedPasses * ForwardFraction) / options.TrainSamplesPerSecond;
}
