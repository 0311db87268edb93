namespace SweepGrid.Reports.Figures;

/// <summary>What <see cref="FigureReport"/> draws. Every option has a default that suits a SweepGrid study.</summary>
public sealed record FigureOptions
{
    /// <summary>The shared default options.</summary>
    public static FigureOptions Default { get; } = new();

    /// <summary>Metrics of the per-axis charts (bars for categorical axes, lines for zipped numeric ones); null chooses <see cref="MetricsOfInterest.Select"/>.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary>
    /// Metrics drawn against condition strength and against the epoch (default <c>accuracy</c>; add <c>error</c>
    /// for seed 004's error-vs-distortion figures).
    /// </summary>
    public IReadOnlyList<string> CurveMetrics { get; init; } = [PivotBuilder.DefaultMetric];

    /// <summary>Decimals printed in the per-class tables (default 4); the CSV keeps full precision.</summary>
    public int Decimals { get; init; } = 4;

    /// <summary>Axes that are replicates rather than configurations (default: the seed), as for pivots.</summary>
    public IReadOnlySet<string> IgnoredAxes { get; init; } = PivotOptions.Default.IgnoredAxes;
}
