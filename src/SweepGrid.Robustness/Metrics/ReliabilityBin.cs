namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// One confidence bin (<paramref name="Lower"/>, <paramref name="Upper"/>] of a reliability diagram.
/// <paramref name="Accuracy"/> and <paramref name="Confidence"/> are the means over the bin's samples,
/// NaN when the bin is empty.
/// </summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double Accuracy, double Confidence)
{
    /// <summary>|acc_b − conf_b|; NaN for an empty bin.</summary>
    public double Gap => Math.Abs(Accuracy - Confidence);
}
