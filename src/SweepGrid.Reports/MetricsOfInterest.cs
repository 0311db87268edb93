using System.Text.RegularExpressions;

namespace SweepGrid.Reports;

/// <summary>
/// Which metrics a report shows by default, in the order a paper would: accuracy, then calibration
/// (<c>ece_*</c>, <c>mce_*</c>, <c>rms_*</c>, <c>nll</c>, fitted <c>temperature</c>, incl. <c>_ts</c>
/// variants), then OOD detection (<c>auroc_*</c>, <c>fpr95_*</c>), then the remaining study-specific
/// metrics (class robustness, regimes, gradients …). Left out as redundant or too fine-grained:
/// <c>error</c> (1 − accuracy), a stored <c>delta_accuracy</c> (reports compute the paired Δ themselves)
/// and per-class metrics (<c>*_class_&lt;k&gt;</c>, kept in the raw outputs).
/// </summary>
public static partial class MetricsOfInterest
{
    /// <summary>The metrics of <paramref name="rows"/> worth a table, in report order (ordinal within a group).</summary>
    public static IReadOnlyList<string> Select(IEnumerable<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(r => r.Metric)
            .Distinct(StringComparer.Ordinal)
            .Where(IsOfInterest)
            .OrderBy(Group)
            .ThenBy(m => m, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>True unless the metric is <c>error</c>, <c>delta_accuracy</c> or a per-class metric.</summary>
    public static bool IsOfInterest(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric is not ("error" or "delta_accuracy") && !PerClass().IsMatch(metric);
    }

    private static int Group(string metric)
    {
        var stem = metric.EndsWith("_ts", StringComparison.Ordinal) ? metric[..^3] : metric;
        return stem switch
        {
            "accuracy" => 0,
            "nll" or "temperature" => 1,
            _ when stem.StartsWith("ece_", StringComparison.Ordinal)
                || stem.StartsWith("mce_", StringComparison.Ordinal)
                || stem.StartsWith("rms_", StringComparison.Ordinal) => 1,
            _ when stem.StartsWith("auroc_", StringComparison.Ordinal)
                || stem.StartsWith("fpr95_", StringComparison.Ordinal) => 2,
            _ => 3,
        };
    }

    [GeneratedRegex(@"_class_\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex PerClass();
}
