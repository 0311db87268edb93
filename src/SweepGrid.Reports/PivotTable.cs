namespace SweepGrid.Reports;

/// <summary>
/// A metric pivoted into rows = combinations of the training axes that vary in the study (seed excluded)
/// and columns = evaluation conditions; each cell aggregates over seeds. Immutable; built by
/// <see cref="PivotBuilder"/>. Rows are ordered axis by axis (numerically when every value of the axis is
/// a number, else ordinally); columns by <see cref="ConditionOrder"/>.
/// </summary>
public sealed class PivotTable
{
    internal PivotTable(
        string metric,
        PivotKind kind,
        string? baselineCondition,
        IReadOnlyList<string> rowAxes,
        IReadOnlyList<KeyValuePair<string, string>> fixedAxes,
        IReadOnlyList<string> conditions,
        IReadOnlyList<PivotRow> rows)
    {
        Metric = metric;
        Kind = kind;
        BaselineCondition = baselineCondition;
        RowAxes = rowAxes;
        FixedAxes = fixedAxes;
        Conditions = conditions;
        Rows = rows;
    }

    /// <summary>The metric aggregated, e.g. <c>accuracy</c>.</summary>
    public string Metric { get; }

    /// <summary>Plain values or paired differences against <see cref="BaselineCondition"/>.</summary>
    public PivotKind Kind { get; }

    /// <summary>For <see cref="PivotKind.PairedDelta"/>, the subtracted condition (e.g. <c>clean</c>); otherwise null.</summary>
    public string? BaselineCondition { get; }

    /// <summary>The axis paths that form the row key (those with more than one value), in ordinal order.</summary>
    public IReadOnlyList<string> RowAxes { get; }

    /// <summary>Axes with a single value across the metric's rows (path → label), stated once in captions instead of as columns.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FixedAxes { get; }

    /// <summary>The column conditions, in <see cref="ConditionOrder"/>.</summary>
    public IReadOnlyList<string> Conditions { get; }

    /// <summary>The rows, ordered by their axis values.</summary>
    public IReadOnlyList<PivotRow> Rows { get; }

    /// <summary>A short human title: <c>accuracy</c>, or <c>Δ accuracy vs clean</c> for a paired Δ table.</summary>
    public string Title => Kind == PivotKind.PairedDelta ? $"Δ {Metric} vs {BaselineCondition}" : Metric;

    /// <summary>The file-name stem used for this table's outputs: the metric, or <c>delta_&lt;metric&gt;</c>.</summary>
    public string Name => Kind == PivotKind.PairedDelta ? $"delta_{Metric}" : Metric;

    /// <summary>The n shared by every non-empty cell, or null when cells differ (renderers then print n per cell).</summary>
    public int? CommonN
    {
        get
        {
            var ns = Rows.SelectMany(r => r.Cells).Where(c => c.Statistics.N > 0).Select(c => c.Statistics.N).Distinct().ToList();
            return ns.Count == 1 ? ns[0] : null;
        }
    }
}
