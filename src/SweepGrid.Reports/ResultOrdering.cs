namespace SweepGrid.Reports;

/// <summary>
/// The order in which raw rows are written (CSV and JSON), independent of the order the store returned
/// them in: by every axis (numeric-aware, ordinal axis paths), seed, trial id, condition
/// (<see cref="ConditionOrder"/>), metric (ordinal).
/// </summary>
internal static class ResultOrdering
{
    public static (IReadOnlyList<string> AxisPaths, IReadOnlyList<ResultRow> Rows) Sort(IEnumerable<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var paths = list.SelectMany(r => r.Axes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var axes = paths.Select(p => new AxisValues(p, list.Select(r => ValueOf(r, p)))).ToList();
        var comparer = Comparer<ResultRow>.Create((x, y) =>
        {
            foreach (var axis in axes)
            {
                var order = axis.Compare(ValueOf(x, axis.Path), ValueOf(y, axis.Path));
                if (order != 0)
                {
                    return order;
                }
            }

            var result = x.Seed.CompareTo(y.Seed);
            result = result != 0 ? result : string.CompareOrdinal(x.TrialId, y.TrialId);
            result = result != 0 ? result : ConditionOrder.Instance.Compare(x.Condition, y.Condition);
            return result != 0 ? result : string.CompareOrdinal(x.Metric, y.Metric);
        });
        return (paths, list.Order(comparer).ToList());
    }

    public static string ValueOf(ResultRow row, string path) => row.Axes.TryGetValue(path, out var value) ? value : "";
}
