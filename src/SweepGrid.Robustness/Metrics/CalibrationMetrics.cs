namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Calibration metrics (definitions.md): ECE, MCE and RMS on 15 equal-width bins (Guo et al. 2017),
/// Hendrycks' adaptive-bin RMS calibration error, and the negative log-likelihood. The confidence of
/// a sample is its max softmax probability and "correct" means argmax(z) = label.
/// </summary>
public static class CalibrationMetrics
{
    /// <summary>Samples per adaptive bin in <c>rms_adaptive100</c>.</summary>
    public const int DefaultAdaptiveBinSize = 100;

    /// <summary>ECE on <paramref name="binCount"/> equal-width bins; see <see cref="ReliabilityDiagram"/> for the edge rules.</summary>
    public static double ExpectedCalibrationError(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> correct, int binCount = ReliabilityDiagram.DefaultBinCount) =>
        ReliabilityDiagram.Compute(confidences, correct, binCount).ExpectedCalibrationError;

    /// <summary>MCE (largest gap over non-empty bins) on <paramref name="binCount"/> equal-width bins.</summary>
    public static double MaximumCalibrationError(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> correct, int binCount = ReliabilityDiagram.DefaultBinCount) =>
        ReliabilityDiagram.Compute(confidences, correct, binCount).MaximumCalibrationError;

    /// <summary>RMS calibration error on <paramref name="binCount"/> equal-width bins.</summary>
    public static double RmsCalibrationError(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> correct, int binCount = ReliabilityDiagram.DefaultBinCount) =>
        ReliabilityDiagram.Compute(confidences, correct, binCount).RmsCalibrationError;

    /// <summary>
    /// Hendrycks' adaptive-bin RMS calibration error (<c>calib_err(p='2', beta=100)</c> in
    /// outlier-exposure/utils/calibration_tools.py, used by seed 002): sort the samples by confidence
    /// (ascending; tied confidences keep their input order), cut them into ⌊N/<paramref name="binSize"/>⌋
    /// consecutive bins of <paramref name="binSize"/> samples with the remainder added to the last bin,
    /// and return sqrt(Σ_b (|B_b|/N)·(acc_b − conf_b)²).
    /// <para>
    /// Hendrycks' loop leaves out the last bin (while N still counts all samples); pass
    /// <paramref name="skipLast"/> = true to reproduce his numbers exactly. By default every sample is
    /// used. With fewer than <paramref name="binSize"/> samples there is one bin holding them all
    /// (his code fails there).
    /// </para>
    /// </summary>
    public static double AdaptiveRmsCalibrationError(
        ReadOnlySpan<double> confidences, ReadOnlySpan<bool> correct, int binSize = DefaultAdaptiveBinSize, bool skipLast = false)
    {
        ClassificationMetrics.RequireSameNonEmptyLength(confidences.Length, correct.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(binSize, 1);
        var n = confidences.Length;
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            ReliabilityDiagram.CheckConfidence(confidences[i], i);
            order[i] = i;
            keys[i] = confidences[i];
        }
        // A stable sort, so that the binning of tied confidences does not depend on the sort algorithm.
        order = [.. order.OrderBy(i => keys[i])];

        var binCount = Math.Max(1, n / binSize);
        var usedBins = skipLast ? binCount - 1 : binCount;
        var sum = 0.0;
        for (var b = 0; b < usedBins; b++)
        {
            var start = b * binSize;
            var end = b == binCount - 1 ? n : start + binSize;
            var confidenceSum = 0.0;
            var hits = 0;
            for (var j = start; j < end; j++)
            {
                confidenceSum += keys[order[j]];
                hits += correct[order[j]] ? 1 : 0;
            }
            var count = end - start;
            var gap = (confidenceSum / count) - ((double)hits / count);
            sum += (double)count / n * gap * gap;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>
    /// Mean negative log-likelihood −(1/N)·Σ_i log softmax(z_i/T)_{y_i}, computed with a shifted
    /// log-sum-exp in double (equal to <c>F.cross_entropy(z/T, y)</c> up to float rounding).
    /// </summary>
    public static double NegativeLogLikelihood(LogitMatrix logits, ReadOnlySpan<int> labels, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ClassificationMetrics.RequireSameNonEmptyLength(logits.Count, labels.Length);
        RequirePositiveTemperature(temperature);
        var sum = 0.0;
        for (var i = 0; i < logits.Count; i++)
        {
            sum -= StableSoftmax.LogProbability(logits.Row(i), CheckedLabel(labels[i], i, logits.Classes), temperature);
        }
        return sum / logits.Count;
    }

    /// <summary>
    /// The confidence max softmax(z/T) of every sample and whether its prediction argmax z is right:
    /// the inputs of the binned calibration metrics.
    /// </summary>
    public static (double[] Confidences, bool[] Correct) ConfidenceAndCorrectness(LogitMatrix logits, ReadOnlySpan<int> labels, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ClassificationMetrics.RequireSameNonEmptyLength(logits.Count, labels.Length);
        RequirePositiveTemperature(temperature);
        var confidences = new double[logits.Count];
        var correct = new bool[logits.Count];
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits.Row(i);
            confidences[i] = StableSoftmax.MaxProbability(row, temperature);
            correct[i] = StableSoftmax.ArgMax(row) == CheckedLabel(labels[i], i, logits.Classes);
        }
        return (confidences, correct);
    }

    /// <summary>Every calibration metric SweepGrid reports, for softmax(z/T).</summary>
    public static CalibrationSummary Summarize(LogitMatrix logits, ReadOnlySpan<int> labels, double temperature = 1.0)
    {
        var (confidences, correct) = ConfidenceAndCorrectness(logits, labels, temperature);
        var diagram = ReliabilityDiagram.Compute(confidences, correct);
        return new CalibrationSummary(
            diagram.ExpectedCalibrationError,
            diagram.MaximumCalibrationError,
            diagram.RmsCalibrationError,
            AdaptiveRmsCalibrationError(confidences, correct),
            NegativeLogLikelihood(logits, labels, temperature));
    }

    internal static int CheckedLabel(int label, int index, int classes)
    {
        if ((uint)label >= (uint)classes)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"label {index} is {label}; labels must lie in [0, {classes})");
        }
        return label;
    }

    internal static void RequirePositiveTemperature(double temperature)
    {
        if (!(temperature > 0.0) || double.IsPositiveInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be a finite number > 0");
        }
    }
}
