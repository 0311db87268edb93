namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Accuracy-type metrics on predicted and true labels, plus the mean absolute distortion of a
/// perturbed input set (definitions.md: accuracy, class robustness, distortion).
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Fraction of samples whose prediction equals the label (<see cref="MetricName.Accuracy"/>).</summary>
    public static double Accuracy(ReadOnlySpan<int> predictions, ReadOnlySpan<int> labels)
    {
        RequireSameNonEmptyLength(predictions.Length, labels.Length);
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (predictions[i] == labels[i])
            {
                correct++;
            }
        }
        return (double)correct / labels.Length;
    }

    /// <summary>Accuracy of the argmax predictions of <paramref name="logits"/>.</summary>
    public static double Accuracy(LogitMatrix logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return Accuracy(logits.Predictions(), labels);
    }

    /// <summary>1 − accuracy (<see cref="MetricName.Error"/>).</summary>
    public static double Error(ReadOnlySpan<int> predictions, ReadOnlySpan<int> labels) =>
        1.0 - Accuracy(predictions, labels);

    /// <summary>
    /// Δaccuracy of a condition against the clean test set: <paramref name="accuracy"/> − <paramref name="cleanAccuracy"/>,
    /// so a drop under a corruption is negative (<see cref="MetricName.DeltaAccuracy"/>).
    /// </summary>
    public static double DeltaAccuracy(double accuracy, double cleanAccuracy) => accuracy - cleanAccuracy;

    /// <summary>
    /// Accuracy within each true class c ∈ [0, <paramref name="classes"/>): the fraction of class-c
    /// samples predicted as c. A class without samples gets NaN (undefined, not perfect).
    /// </summary>
    public static double[] PerClassAccuracy(ReadOnlySpan<int> predictions, ReadOnlySpan<int> labels, int classes)
    {
        RequireSameNonEmptyLength(predictions.Length, labels.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var total = new int[classes];
        var correct = new int[classes];
        for (var i = 0; i < labels.Length; i++)
        {
            var c = labels[i];
            if ((uint)c >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), c, $"label {i} is {c}; labels must lie in [0, {classes})");
            }
            total[c]++;
            if (predictions[i] == c)
            {
                correct[c]++;
            }
        }
        var accuracy = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            accuracy[c] = total[c] == 0 ? double.NaN : (double)correct[c] / total[c];
        }
        return accuracy;
    }

    /// <summary>
    /// Class robustness (seed 003): R = (1/K)·Σ_c (1 − m_c), where m_c is the fraction of the
    /// adversarials built from class-c inputs that are misclassified; i.e. the macro average of the
    /// per-class accuracy on the adversarials. <paramref name="sourceLabels"/> are the true labels of
    /// the inputs the adversarials were built from. Every one of the K classes must have at least one
    /// adversarial, because an empty class would silently change the 1/K weighting.
    /// </summary>
    /// <exception cref="ArgumentException">A class has no adversarial.</exception>
    public static double ClassRobustness(ReadOnlySpan<int> adversarialPredictions, ReadOnlySpan<int> sourceLabels, int classes)
    {
        var perClass = PerClassAccuracy(adversarialPredictions, sourceLabels, classes);
        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            if (double.IsNaN(perClass[c]))
            {
                throw new ArgumentException($"class {c} has no adversarial example; class robustness averages over all {classes} classes", nameof(sourceLabels));
            }
            sum += perClass[c];
        }
        return sum / classes;
    }

    /// <summary>
    /// Distortion (seed 004 eq. 2): the mean over all images and pixels of |x' − x|, with both sets
    /// flattened in the same order. Accumulated in double.
    /// </summary>
    public static double Distortion(ReadOnlySpan<float> original, ReadOnlySpan<float> perturbed)
    {
        RequireSameNonEmptyLength(original.Length, perturbed.Length);
        var sum = 0.0;
        for (var i = 0; i < original.Length; i++)
        {
            sum += Math.Abs((double)perturbed[i] - original[i]);
        }
        return sum / original.Length;
    }

    internal static void RequireSameNonEmptyLength(int first, int second)
    {
        if (first != second)
        {
            throw new ArgumentException($"the inputs must have one entry per sample; got {first} and {second}");
        }
        if (first == 0)
        {
            throw new ArgumentException("a metric over zero samples is undefined");
        }
    }
}
