using System.Globalization;

namespace SweepGrid.Reports.Findings;

/// <summary>A trained model whose clean accuracy is too low for its robustness numbers to mean anything.</summary>
/// <param name="TrialId">The trial.</param>
/// <param name="Configuration">Its axis values and seed, as a report prints them (e.g. <c>model.temperature=1/8, seed=2</c>).</param>
/// <param name="CleanAccuracy">Its clean accuracy.</param>
/// <param name="Reason">Why it is flagged, with the threshold.</param>
public sealed record UndertrainedModel(string TrialId, string Configuration, double CleanAccuracy, string Reason);

/// <summary>
/// Flags models whose clean accuracy is near chance or below the spec's stated floor. Robustness under
/// attack or shift is only informative for a model that learned the task: an untrained model is "robust"
/// to FGSM in the sense that it was wrong already, and has saturated nothing.
/// </summary>
public static class UndertrainedModels
{
    /// <summary>The classes of every catalog dataset (MNIST, Fashion-MNIST, KMNIST): chance accuracy is 1/10.</summary>
    public const int Classes = 10;

    /// <summary>Clean accuracy up to this multiple of chance counts as near chance (0.2 for ten classes).</summary>
    public const double NearChanceMultiple = 2;

    /// <summary>The flagged trials, in the order of their first row.</summary>
    public static IReadOnlyList<UndertrainedModel> Find(IEnumerable<ResultRow> rows, double? floor)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var nearChance = NearChanceMultiple / Classes;
        var flagged = new List<UndertrainedModel>();
        foreach (var row in rows.Where(r => r.Metric == PivotBuilder.DefaultMetric && r.Condition == "clean")
                     .DistinctBy(r => r.TrialId, StringComparer.Ordinal))
        {
            string? reason = null;
            if (!double.IsFinite(row.Value) || row.Value <= nearChance)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"near chance (chance is {1.0 / Classes:0.##} for {Classes} classes)");
            }
            else if (floor is { } stated && row.Value < stated)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"below the study's accuracy floor {stated:0.###}");
            }
            if (reason is not null)
            {
                flagged.Add(new UndertrainedModel(row.TrialId, Describe(row), row.Value, reason));
            }
        }
        return flagged;
    }

    private static string Describe(ResultRow row) =>
        string.Join(", ", row.Axes.Where(a => a.Key != "seed").OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => $"{a.Key}={ValueFormat.FormatAxisValue(a.Value)}")
                .Append(string.Create(CultureInfo.InvariantCulture, $"seed={row.Seed}")));
}
