namespace SweepGrid.Robustness.Metrics;

/// <summary>The calibration metrics of one set of predictions, under their canonical result names.</summary>
/// <param name="Ece15"><c>ece_15</c>: expected calibration error, 15 equal-width bins.</param>
/// <param name="Mce15"><c>mce_15</c>: maximum calibration error, 15 equal-width bins.</param>
/// <param name="Rms15"><c>rms_15</c>: RMS calibration error, 15 equal-width bins.</param>
/// <param name="RmsAdaptive100"><c>rms_adaptive100</c>: Hendrycks' RMS error on bins of 100 sorted samples, last bin included.</param>
/// <param name="Nll"><c>nll</c>: mean negative log-likelihood in nats.</param>
public sealed record CalibrationSummary(double Ece15, double Mce15, double Rms15, double RmsAdaptive100, double Nll)
{
    /// <summary>The values keyed by <see cref="MetricName"/>, each name suffixed by <paramref name="suffix"/> (e.g. "_ts").</summary>
    public IReadOnlyDictionary<string, double> ToMetrics(string suffix = "") => new Dictionary<string, double>
    {
        [MetricName.Ece15 + suffix] = Ece15,
        [MetricName.Mce15 + suffix] = Mce15,
        [MetricName.Rms15 + suffix] = Rms15,
        [MetricName.RmsAdaptive100 + suffix] = RmsAdaptive100,
        [MetricName.Nll + suffix] = Nll,
    };
}
