namespace SweepGrid.Robustness.Metrics;

/// <summary>The metrics reported for every evaluated condition: accuracy, error and calibration.</summary>
public static class StandardMetrics
{
    /// <summary>
    /// <c>accuracy</c>, <c>error</c>, <c>ece_15</c>, <c>mce_15</c>, <c>rms_15</c>, <c>rms_adaptive100</c>
    /// and <c>nll</c> of softmax(z/T) against <paramref name="labels"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Evaluate(LogitMatrix logits, ReadOnlySpan<int> labels, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var accuracy = ClassificationMetrics.Accuracy(logits, labels);
        var metrics = new Dictionary<string, double>
        {
            [MetricName.Accuracy] = accuracy,
            [MetricName.Error] = 1.0 - accuracy,
        };
        foreach (var (name, value) in CalibrationMetrics.Summarize(logits, labels, temperature).ToMetrics())
        {
            metrics[name] = value;
        }
        return metrics;
    }
}
