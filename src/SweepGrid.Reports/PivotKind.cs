namespace SweepGrid.Reports;

/// <summary>What the cells of a <see cref="PivotTable"/> aggregate.</summary>
public enum PivotKind
{
    /// <summary>The metric's value, mean ± sample std over seeds.</summary>
    Mean,

    /// <summary>
    /// The per-trial difference (condition − baseline condition) of the metric, mean ± sample std over
    /// seeds. Paired: each difference comes from one trained model, so seed-to-seed variance of the
    /// baseline does not inflate the spread.
    /// </summary>
    PairedDelta,
}
