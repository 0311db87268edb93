using System.Globalization;
using SweepGrid.Sweeps;

namespace SweepGrid.Reports.Findings;

/// <summary>Checks a paper's claim against a study's long-format rows (pure; no I/O).</summary>
public static class FindingCheck
{
    /// <summary>
    /// The finding's verdict: the metric's mean per axis value (over every trial that has the axis value, matches
    /// <see cref="Finding.Where"/> and has a finite value under the condition), in the expected order (highest
    /// first for <see cref="FindingShape.Order"/>; ascending axis value otherwise), then every step checked.
    /// </summary>
    public static FindingOutcome Check(Finding finding, IEnumerable<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(rows);
        // Along conditions, the axis value of a row is its condition; otherwise its value on the finding's axis.
        string? AxisValue(ResultRow r) => finding.AlongConditions ? r.Condition : r.Axes.GetValueOrDefault(finding.Axis);
        var all = rows.ToList();
        // Conditions are compared on the same trials (paired): a trial counts only when it has every listed condition.
        var paired = finding.AlongConditions
            ? all.Where(r => r.Metric == finding.Metric && double.IsFinite(r.Value) && finding.Order.Contains(r.Condition, StringComparer.Ordinal))
                .GroupBy(r => r.TrialId, StringComparer.Ordinal)
                .Where(g => g.Select(r => r.Condition).Distinct(StringComparer.Ordinal).Count() == finding.Order.Count)
                .Select(g => g.Key).ToHashSet(StringComparer.Ordinal)
            : null;
        var byValue = all
            .Where(r => paired is null || paired.Contains(r.TrialId))
            .Where(r => r.Metric == finding.Metric && double.IsFinite(r.Value))
            .Where(r => finding.AlongConditions ? finding.Order.Contains(r.Condition, StringComparer.Ordinal) : r.Condition == finding.Condition)
            .Where(r => AxisValue(r) is not null)
            .Where(r => finding.Where.All(w => w.Value == Finding.AxisAbsent
                ? !r.Axes.ContainsKey(w.Key)
                : r.Axes.TryGetValue(w.Key, out var v) && v == w.Value))
            .GroupBy(r => AxisValue(r)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new FindingPoint(g.Key, g.Average(r => r.Value), g.Count()), StringComparer.Ordinal);

        var order = finding.Shape == FindingShape.Order
            ? finding.Order
            : [.. byValue.Keys.OrderBy(Number)];
        var points = order.Select(v => byValue.GetValueOrDefault(v) ?? new FindingPoint(v, double.NaN, 0)).ToList();
        var measured = points.Where(p => p.Trials > 0).ToList();
        if (measured.Count < 2 || (finding.Shape == FindingShape.Order && measured.Count < points.Count))
        {
            return new FindingOutcome(finding, FindingVerdict.NotMeasured, points);
        }
        // Decreasing and Order both mean "each next point lower"; Increasing the opposite.
        var sign = finding.Shape == FindingShape.Increasing ? -1 : 1;
        var holds = measured.Zip(measured.Skip(1)).All(pair => sign * (pair.First.Mean - pair.Second.Mean) > finding.Margin);
        return new FindingOutcome(finding, holds ? FindingVerdict.Reproduced : FindingVerdict.NotReproduced, points);
    }

    /// <summary>Every finding of <paramref name="checks"/> against the rows, in spec order.</summary>
    public static IReadOnlyList<FindingOutcome> CheckAll(StudyChecks checks, IReadOnlyList<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return [.. checks.Findings.Select(f => Check(f, rows))];
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
