namespace SweepGrid.Store;

/// <summary>What a completed trial reports.</summary>
/// <param name="Rows">Long-format results, one per (condition, metric), e.g. ("fgsm=0.1", "accuracy", 0.72).</param>
/// <param name="CurveJson">The training curve as JSON text (opaque to the store).</param>
/// <param name="TimingsJson">Timings (training, evaluation, …) as JSON text (opaque to the store).</param>
public sealed record TrialResults(IReadOnlyList<ResultRow> Rows, string CurveJson, string TimingsJson);

/// <summary>One long-format result. NaN is stored as SQL NULL and read back as NaN.</summary>
public sealed record ResultRow(string Condition, string Metric, double Value);
