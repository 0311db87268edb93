namespace SweepGrid.Reports;

/// <summary>How result rows become a <see cref="PivotTable"/>. Defaults suit every SweepGrid study.</summary>
public sealed record PivotOptions
{
    /// <summary>The shared default options.</summary>
    public static PivotOptions Default { get; } = new();

    /// <summary>
    /// Axis paths that never form rows, because they are replicates rather than configurations (default:
    /// <c>seed</c>, <c>training.seed</c>). Rows whose other axes match are aggregated across them.
    /// </summary>
    public IReadOnlySet<string> IgnoredAxes { get; init; } =
        new HashSet<string>(StringComparer.Ordinal) { "seed", "training.seed" };

    /// <summary>The condition that Δ tables subtract (default <c>clean</c>).</summary>
    public string BaselineCondition { get; init; } = "clean";
}
