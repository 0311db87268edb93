using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class TensorMetricsTests
{
    private static readonly float[] Logits = [2f, 0f, 1f, 0f, 3f, 1f, 1f, 1f, 0.5f, 0f, 0f, 9f];
    private static readonly int[] LabelArray = [0, 1, 2, 2];

    [Fact]
    public void Evaluate_on_tensors_equals_evaluate_on_arrays()
    {
        using var logits = torch.tensor(Logits, [4, 3]);
        using var labels = torch.tensor(LabelArray.Select(l => (long)l).ToArray(), [4]);
        var fromTensors = TensorMetrics.Evaluate(logits, labels);
        var fromArrays = StandardMetrics.Evaluate(new LogitMatrix(Logits, 3), LabelArray);
        Assert.Equal(fromArrays, fromTensors);
        // Row 2 ties classes 0 and 1 → predicts 0 (wrong); the others are right.
        Assert.Equal(0.75, fromTensors[MetricName.Accuracy]);
        Assert.Equal(
            [MetricName.Accuracy, MetricName.Ece15, MetricName.Error, MetricName.Mce15, MetricName.Nll, MetricName.Rms15, MetricName.RmsAdaptive100],
            fromTensors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Float64_logits_and_int32_labels_are_accepted()
    {
        using var logits = torch.tensor(Logits.Select(v => (double)v).ToArray(), [4, 3]);
        using var labels = torch.tensor(LabelArray, [4]);
        Assert.Equal(0.75, TensorMetrics.Accuracy(logits, labels));
        Assert.Equal(CalibrationMetrics.NegativeLogLikelihood(new LogitMatrix(Logits, 3), LabelArray), TensorMetrics.NegativeLogLikelihood(logits, labels), 12);
    }

    [Fact]
    public void Nll_agrees_with_libtorch_cross_entropy()
    {
        using var logits = torch.tensor(Logits, [4, 3]);
        using var labels = torch.tensor(LabelArray.Select(l => (long)l).ToArray(), [4]);
        using var loss = nn.functional.cross_entropy(logits, labels);
        Assert.Equal(loss.item<float>(), TensorMetrics.NegativeLogLikelihood(logits, labels), 6);
    }

    [Fact]
    public void Logits_must_be_a_matrix_and_labels_integers()
    {
        using var vector = torch.tensor(Logits, [12]);
        using var floatLabels = torch.tensor(new float[] { 0f, 1f }, [2]);
        Assert.Throws<ArgumentException>(() => LogitMatrix.FromTensor(vector));
        Assert.Throws<ArgumentException>(() => TensorMetrics.Labels(floatLabels));
    }
}
