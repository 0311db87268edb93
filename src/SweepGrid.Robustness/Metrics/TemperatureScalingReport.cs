namespace SweepGrid.Robustness.Metrics;

/// <summary>Calibration of one set of logits before (T = 1) and after temperature scaling by <paramref name="Temperature"/>.</summary>
public sealed record TemperatureScalingReport(double Temperature, CalibrationSummary Before, CalibrationSummary After)
{
    public double NllBefore => Before.Nll;

    public double NllAfter => After.Nll;

    public double EceBefore => Before.Ece15;

    public double EceAfter => After.Ece15;

    /// <summary>
    /// <c>temperature</c>, the unscaled metrics under their plain names and the scaled ones with
    /// <see cref="MetricName.TemperatureScaledSuffix"/> (e.g. <c>ece_15_ts</c>).
    /// </summary>
    public IReadOnlyDictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double> { [MetricName.Temperature] = Temperature };
        foreach (var (name, value) in Before.ToMetrics())
        {
            metrics[name] = value;
        }
        foreach (var (name, value) in After.ToMetrics(MetricName.TemperatureScaledSuffix))
        {
            metrics[name] = value;
        }
        return metrics;
    }
}
