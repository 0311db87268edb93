
namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Thin entry points for libtorch tensors: logits [N, K] (any float type, any device) and labels [N]
/// (an integer type) are copied to managed arrays once and handed to the array-based metrics.
/// </summary>
public static class TensorMetrics
{
    /// <summary>Copies integer class labels of shape [N] into an int array.</summary>
    public static int[] Labels(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dim() != 1)
        {
            throw new ArgumentException($"labels must have shape [N]; got [{string.Join(", ", labels.shape)}]", nameof(labels));
        }
        return labels.dtype switch
        {
            ScalarType.Int64 => Array.ConvertAll(labels.data<long>().ToArray(), l => checked((int)l)),
            ScalarType.Int32 => labels.data<int>().ToArray(),
            ScalarType.Byte => Array.ConvertAll(labels.data<byte>().ToArray(), b => (int)b),
            _ => throw new ArgumentException($"labels must be an integer tensor; got {labels.dtype}", nameof(labels)),
        };
    }

    /// <inheritdoc cref="StandardMetrics.Evaluate"/>
    public static IReadOnlyDictionary<string, double> Evaluate(Tensor logits, Tensor labels, double temperature = 1.0) =>
        StandardMetrics.Evaluate(LogitMatrix.FromTensor(logits), Labels(labels), temperature);

    /// <inheritdoc cref="ClassificationMetrics.Accuracy(LogitMatrix, ReadOnlySpan{int})"/>
    public static double Accuracy(Tensor logits, Tensor labels) =>
        ClassificationMetrics.Accuracy(LogitMatrix.FromTensor(logits), Labels(labels));

    /// <inheritdoc cref="CalibrationMetrics.Summarize"/>
    public static CalibrationSummary Calibration(Tensor logits, Tensor labels, double temperature = 1.0) =>
        CalibrationMetrics.Summarize(LogitMatrix.FromTensor(logits), Labels(labels), temperature);

    /// <inheritdoc cref="CalibrationMetrics.NegativeLogLikelihood"/>
    public static double NegativeLogLikelihood(Tensor logits, Tensor labels, double temperature = 1.0) =>
        CalibrationMetrics.NegativeLogLikelihood(LogitMatrix.FromTensor(logits), Labels(labels), temperature);

    /// <inheritdoc cref="TemperatureScaling.Fit"/>
    public static TemperatureFit FitTemperature(Tensor validationLogits, Tensor validationLabels) =>
        TemperatureScaling.Fit(LogitMatrix.FromTensor(validationLogits), Labels(validationLabels));

    /// <inheritdoc cref="OodDetection.Evaluate"/>
    public static IReadOnlyDictionary<string, double> OutOfDistribution(Tensor inDistributionLogits, Tensor outOfDistributionLogits) =>
        OodDetection.Evaluate(LogitMatrix.FromTensor(inDistributionLogits), LogitMatrix.FromTensor(outOfDistributionLogits));
}
