namespace SweepGrid.Reports;

/// <summary>
/// Turns long-format result rows into <see cref="PivotTable"/>s. Pure and deterministic: the output
/// depends only on the set of rows, not on their order (apart from floating-point rounding of sums,
/// which is fixed by sorting values by seed before summing). Rows of per-epoch evaluations
/// (<c>epoch&lt;k&gt;:&lt;condition&gt;</c>) are left out: tables describe the trained model.
/// </summary>
public static class PivotBuilder
{
    /// <summary>The default metric of tables and of <c>accuracy.csv</c>.</summary>
    public const string DefaultMetric = "accuracy";

    /// <summary>
    /// Pivots <paramref name="metric"/>: rows = combinations of the training axes that vary among the
    /// metric's rows (ignored axes such as the seed excluded), columns = conditions, cells = mean ± sample
    /// std over the trials (seeds) of the row.
    /// </summary>
    /// <exception cref="ArgumentException">Two rows have the same trial, condition and metric (a duplicated result).</exception>
    public static PivotTable Build(IEnumerable<ResultRow> rows, string metric = DefaultMetric, PivotOptions? options = null)
    {
        var layout = Layout.Of(rows, metric, options ?? PivotOptions.Default);
        var tableRows = layout.Groups.Select(group => layout.Row(group, layout.Conditions.Select(condition =>
        {
            var samples = group.Trials
                .Where(t => t.Values.ContainsKey(condition))
                .Select(t => (t.TrialId, t.Seed, Value: t.Values[condition]))
                .ToList();
            return Cell(condition, samples);
        }))).ToList();
        return new PivotTable(metric, PivotKind.Mean, null, layout.RowAxes, layout.FixedAxes, layout.Conditions, tableRows);
    }

    /// <summary>
    /// Pivots the paired difference of <paramref name="metric"/> against the baseline condition
    /// (<see cref="PivotOptions.BaselineCondition"/>, default <c>clean</c>): for each trial, value under the
    /// condition minus value under the baseline, then mean ± sample std of those differences over the
    /// row's trials. A trial missing the baseline or with a non-finite value on either side is excluded
    /// and counted. Returns null when no row of the metric has the baseline condition.
    /// </summary>
    /// <exception cref="ArgumentException">Two rows have the same trial, condition and metric (a duplicated result).</exception>
    public static PivotTable? BuildPairedDelta(IEnumerable<ResultRow> rows, string metric = DefaultMetric, PivotOptions? options = null)
    {
        options ??= PivotOptions.Default;
        var layout = Layout.Of(rows, metric, options);
        var baseline = options.BaselineCondition;
        if (!layout.Conditions.Contains(baseline, StringComparer.Ordinal))
        {
            return null;
        }

        var conditions = layout.Conditions.Where(c => !string.Equals(c, baseline, StringComparison.Ordinal)).ToList();
        var tableRows = layout.Groups.Select(group => layout.Row(group, conditions.Select(condition =>
        {
            var samples = group.Trials
                .Where(t => t.Values.ContainsKey(condition))
                .Select(t => (t.TrialId, t.Seed, Value: t.Values.TryGetValue(baseline, out var b) ? t.Values[condition] - b : double.NaN))
                .ToList();
            return Cell(condition, samples);
        }))).ToList();
        return new PivotTable(metric, PivotKind.PairedDelta, baseline, layout.RowAxes, layout.FixedAxes, conditions, tableRows);
    }

    private static PivotCell Cell(string condition, List<(string TrialId, ulong Seed, double Value)> samples)
    {
        var included = samples.Where(s => double.IsFinite(s.Value)).ToList();
        var excluded = samples.Where(s => !double.IsFinite(s.Value)).Select(s => s.TrialId).ToList();
        return new PivotCell(
            condition,
            CellStatistics.Of(samples.Select(s => s.Value)),
            included.Select(s => s.TrialId).ToList(),
            included.Select(s => s.Seed).ToList(),
            excluded);
    }

    /// <summary>One trial's values of the metric, by condition.</summary>
    private sealed record TrialValues(string TrialId, ulong Seed, IReadOnlyDictionary<string, string> Axes, Dictionary<string, double> Values, long Ordinal);

    /// <summary>The trials that share one combination of the varying axes, in seed order.</summary>
    private sealed record Group(IReadOnlyList<string> Key, IReadOnlyList<TrialValues> Trials);

    private sealed class Layout
    {
        private readonly List<AxisValues> varying;

        private Layout(List<AxisValues> varying, IReadOnlyList<KeyValuePair<string, string>> fixedAxes, IReadOnlyList<string> conditions, IReadOnlyList<Group> groups)
        {
            this.varying = varying;
            FixedAxes = fixedAxes;
            Conditions = conditions;
            Groups = groups;
        }

        public IReadOnlyList<string> RowAxes => varying.Select(a => a.Path).ToList();

        public IReadOnlyList<KeyValuePair<string, string>> FixedAxes { get; }

        public IReadOnlyList<string> Conditions { get; }

        public IReadOnlyList<Group> Groups { get; }

        public static Layout Of(IEnumerable<ResultRow> rows, string metric, PivotOptions options)
        {
            ArgumentNullException.ThrowIfNull(rows);
            ArgumentNullException.ThrowIfNull(metric);
            var trials = new Dictionary<string, TrialValues>(StringComparer.Ordinal);
            // Per-epoch evaluations (epoch<k>:<condition>) belong to the per-epoch figures, not to the tables of the trained model.
            foreach (var row in rows.Where(r => string.Equals(r.Metric, metric, StringComparison.Ordinal) && !Figures.EpochCondition.TryParse(r.Condition, out _, out _)))
            {
                if (!trials.TryGetValue(row.TrialId, out var trial))
                {
                    trial = new TrialValues(row.TrialId, row.Seed, row.Axes, new Dictionary<string, double>(StringComparer.Ordinal), row.TrialOrdinal);
                    trials.Add(row.TrialId, trial);
                }

                if (!trial.Values.TryAdd(row.Condition, row.Value))
                {
                    throw new ArgumentException(
                        $"trial {row.TrialId} has more than one {metric} result under condition \"{row.Condition}\"; expected one row per (trial, condition, metric)",
                        nameof(rows));
                }
            }

            var paths = trials.Values.SelectMany(t => t.Axes.Keys).Where(p => !options.IgnoredAxes.Contains(p))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var ordinals = trials.Values.Select(t => (t.Axes, t.Ordinal)).ToList();
            var axes = paths.Select(p => new AxisValues(p, trials.Values.Select(t => ValueOf(t, p)), AxisValues.FirstOrdinals(ordinals, p))).ToList();
            var varying = axes.Where(a => a.Values.Count > 1).ToList();
            var fixedAxes = axes.Where(a => a.Values.Count == 1)
                .Select(a => KeyValuePair.Create(a.Path, a.Label(a.Values[0]))).ToList();

            var conditions = trials.Values.SelectMany(t => t.Values.Keys).Distinct(StringComparer.Ordinal)
                .Order(ConditionOrder.Instance).ToList();

            var groups = trials.Values
                .GroupBy(t => string.Join('\u001f', varying.Select(a => ValueOf(t, a.Path))), StringComparer.Ordinal)
                .Select(g => new Group(
                    varying.Select(a => ValueOf(g.First(), a.Path)).ToList(),
                    g.OrderBy(t => t.Seed).ThenBy(t => t.TrialId, StringComparer.Ordinal).ToList()))
                .Order(Comparer<Group>.Create((x, y) => CompareKeys(varying, x.Key, y.Key)))
                .ToList();
            return new Layout(varying, fixedAxes, conditions, groups);
        }

        public PivotRow Row(Group group, IEnumerable<PivotCell> cells) =>
            new(group.Key, group.Key.Select((v, i) => varying[i].Label(v)).ToList(), cells.ToList());

        private static string ValueOf(TrialValues trial, string path) =>
            trial.Axes.TryGetValue(path, out var value) ? value : "";

        private static int CompareKeys(List<AxisValues> axes, IReadOnlyList<string> x, IReadOnlyList<string> y)
        {
            for (var i = 0; i < axes.Count; i++)
            {
                var order = axes[i].Compare(x[i], y[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}
