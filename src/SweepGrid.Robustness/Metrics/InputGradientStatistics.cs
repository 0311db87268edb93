namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Statistics of the per-sample input-gradient magnitude G(x) = (1/P)·Σ_i |∂L/∂x_i| (seed 003):
/// its median within each true class, its correlation with the true-class confidence, and the
/// fraction of samples whose gradient is exactly zero (saturated sigmoids mask the gradient).
/// </summary>
public static class InputGradientStatistics
{
    /// <summary>
    /// Median of G within each true class c ∈ [0, <paramref name="classes"/>) (mean of the two middle
    /// values for an even count, as numpy.median); NaN for a class without samples.
    /// </summary>
    public static double[] MedianPerClass(ReadOnlySpan<double> gradients, ReadOnlySpan<int> labels, int classes)
    {
        ClassificationMetrics.RequireSameNonEmptyLength(gradients.Length, labels.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var perClass = new List<double>[classes];
        for (var c = 0; c < classes; c++)
        {
            perClass[c] = [];
        }
        for (var i = 0; i < labels.Length; i++)
        {
            perClass[CalibrationMetrics.CheckedLabel(labels[i], i, classes)].Add(gradients[i]);
        }
        var medians = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            medians[c] = Median(perClass[c]);
        }
        return medians;
    }

    /// <summary>Fraction of samples whose G(x) is exactly 0.0 (<see cref="MetricName.ZeroGradientFraction"/>).</summary>
    public static double ZeroFraction(ReadOnlySpan<double> gradients)
    {
        if (gradients.IsEmpty)
        {
            throw new ArgumentException("a fraction of zero samples is undefined", nameof(gradients));
        }
        var zeros = 0;
        foreach (var g in gradients)
        {
            if (g == 0.0)
            {
                zeros++;
            }
        }
        return (double)zeros / gradients.Length;
    }

    /// <summary>Every statistic at once; <paramref name="trueClassConfidence"/> is softmax(z)_y per sample (see <see cref="OodScores.TrueClassProbability"/>).</summary>
    public static InputGradientSummary Summarize(
        ReadOnlySpan<double> gradients, ReadOnlySpan<int> labels, ReadOnlySpan<double> trueClassConfidence, int classes)
    {
        ClassificationMetrics.RequireSameNonEmptyLength(gradients.Length, trueClassConfidence.Length);
        return new InputGradientSummary(
            MedianPerClass(gradients, labels, classes),
            Correlation.Pearson(gradients, trueClassConfidence),
            Correlation.Spearman(gradients, trueClassConfidence),
            ZeroFraction(gradients));
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }
}
