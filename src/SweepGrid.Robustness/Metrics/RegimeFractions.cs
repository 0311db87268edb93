namespace SweepGrid.Robustness.Metrics;

/// <summary>Fractions of net inputs in the linear, nonlinear and saturated regimes (they sum to 1).</summary>
public sealed record RegimeFractions(double Linear, double Nonlinear, double Saturated)
{
    /// <summary>The fractions keyed by <see cref="MetricName"/>.</summary>
    public IReadOnlyDictionary<string, double> ToMetrics() => new Dictionary<string, double>
    {
        [MetricName.RegimeLinearFraction] = Linear,
        [MetricName.RegimeNonlinearFraction] = Nonlinear,
        [MetricName.RegimeSaturatedFraction] = Saturated,
    };
}
