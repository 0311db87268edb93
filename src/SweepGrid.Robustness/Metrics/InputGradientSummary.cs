namespace SweepGrid.Robustness.Metrics;

/// <summary>Summary of the input-gradient magnitudes G(x) of one model on one data set.</summary>
/// <param name="MedianPerClass">Median G per true class; NaN for a class without samples.</param>
/// <param name="PearsonWithConfidence">Pearson r of G with the true-class confidence; NaN if either is constant.</param>
/// <param name="SpearmanWithConfidence">Spearman ρ of G with the true-class confidence; NaN if either is constant.</param>
/// <param name="ZeroFraction">Fraction of samples with G exactly 0.</param>
public sealed record InputGradientSummary(
    IReadOnlyList<double> MedianPerClass, double PearsonWithConfidence, double SpearmanWithConfidence, double ZeroFraction)
{
    /// <summary>The values keyed by <see cref="MetricName"/>, one <c>gradient_median_class_c</c> entry per class.</summary>
    public IReadOnlyDictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double>
        {
            [MetricName.GradientConfidencePearson] = PearsonWithConfidence,
            [MetricName.GradientConfidenceSpearman] = SpearmanWithConfidence,
            [MetricName.ZeroGradientFraction] = ZeroFraction,
        };
        for (var c = 0; c < MedianPerClass.Count; c++)
        {
            metrics[MetricName.GradientMedianOfClass(c)] = MedianPerClass[c];
        }
        return metrics;
    }
}
