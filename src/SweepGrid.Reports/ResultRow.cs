namespace SweepGrid.Reports;

/// <summary>
/// One long-format result: the value of one metric measured on one trained model (trial) under one
/// evaluation condition. Reports take a study's rows as their only data and never depend on how the
/// rows were stored.
/// </summary>
/// <param name="TrialId">The trial's content-hash id; kept in every aggregate so that a cell can be traced back to its trials.</param>
/// <param name="Axes">
/// Training-time axis path → canonical value text, e.g. <c>"model.temperature" → "0.125"</c>,
/// <c>"model.dropout" → "all"</c>. The seed is not an axis here (it is <paramref name="Seed"/>); reports
/// aggregate over seeds. Numbers must be written with the invariant culture.
/// </param>
/// <param name="Seed">The training seed; rows that differ only in seed are replicates of one configuration.</param>
/// <param name="Condition">The evaluation condition, e.g. <c>clean</c>, <c>brightness=0.8</c>, <c>fgsm=0.1</c>, <c>lowpass5:fgsm=0.1</c>.</param>
/// <param name="Metric">The metric name, e.g. <c>accuracy</c>, <c>ece_15</c>, <c>auroc_msp</c>.</param>
/// <param name="Value">The measured value; NaN or ±∞ (e.g. a diverged trial) is kept in raw outputs and excluded, and counted, in aggregates.</param>
/// <param name="TrialOrdinal">
/// The trial's position in the study's submission order (the spec's order of axis values); text axis values
/// (<c>none</c>, <c>inp</c>, <c>all</c>) are shown in the order of their first trial. Equal ordinals (e.g. all 0)
/// fall back to ordinal text order.
/// </param>
public sealed record ResultRow(
    string TrialId,
    IReadOnlyDictionary<string, string> Axes,
    ulong Seed,
    string Condition,
    string Metric,
    double Value,
    long TrialOrdinal = 0);
