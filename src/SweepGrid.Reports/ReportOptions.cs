namespace SweepGrid.Reports;

/// <summary>What <see cref="ReportWriter"/> puts in a report. Every option has a default that suits a SweepGrid study.</summary>
public sealed record ReportOptions
{
    /// <summary>The shared default options.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>The metrics that get a table and charts; null (default) chooses <see cref="MetricsOfInterest.Select"/>.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary>The metrics that also get a paired Δ-against-baseline table and charts (default: <c>accuracy</c>).</summary>
    public IReadOnlyList<string> DeltaMetrics { get; init; } = [PivotBuilder.DefaultMetric];

    /// <summary>Decimals printed in Markdown and text tables (default 4); CSV and JSON keep full precision.</summary>
    public int Decimals { get; init; } = 4;

    /// <summary>How rows are pivoted (ignored axes, baseline condition).</summary>
    public PivotOptions Pivot { get; init; } = PivotOptions.Default;
}
