using SweepGrid.Robustness.Metrics;
using SweepGrid.Torch;

namespace SweepGrid.Robustness.Tests.Metrics;

public class TensorMetricsTests
{
    private static readonly float[] Logits = [2f, 0f, 1f, 0f, 3f, 1f, 1f, 1f, 0.5f, 0f, 0f, 9f];
    private static readonly int[] LabelArray = [0, 1, 2, 2];

    [Fact]
    public void Evaluate_on_tensors_equals_evaluate_on_arrays()
    {
        using var logits = Tensor.From(Logits, 4, 3);
        using var labels = Tensor.From(LabelArray.Select(l => (long)l).ToArray(), 4);
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
        using var logits = Tensor.From(Logits.Select(v => (double)v).ToArray(), 4, 3);
        using var labels = Tensor.From(LabelArray, 4);
        Assert.Equal(0.75, TensorMetrics.Accuracy(logits, labels));
        Assert.Equal(CalibrationMetrics.NegativeLogLikelihood(new LogitMatrix(Logits, 3), LabelArray), TensorMetrics.NegativeLogLikelihood(logits, labels), 12);
    }

    [Fact]
    public void Nll_agrees_with_libtorch_cross_entropy()
    {
        using var logits = Tensor.From(Logits, 4, 3);
        using var labels = Tensor.From(LabelArray.Select(l => (long)l).ToArray(), 4);
        using var loss = Functional.CrossEntropy(logits, labels);
        Assert.Equal(loss.Item(), TensorMetrics.NegativeLogLikelihood(logits, labels), 6);
    }

    [Fact]
    public void Logits_must_be_a_matrix_and_labels_integers()
    {
        using var vector = Tensor.From(Logits, 12);
        using var floatLabels = Tensor.From([0f, 1f], 2);
        Assert.Throws<ArgumentException>(() => LogitMatrix.FromTensor(vector));
        Assert.Throws<ArgumentException>(() => TensorMetrics.Labels(floatLabels));
    }
}
