using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class ClassificationMetricsTests
{
    [Fact]
    public void Accuracy_and_error_count_matching_predictions()
    {
        int[] predictions = [0, 1, 2, 2];
        int[] labels = [0, 1, 1, 2];
        Assert.Equal(0.75, ClassificationMetrics.Accuracy(predictions, labels), 15);
        Assert.Equal(0.25, ClassificationMetrics.Error(predictions, labels), 15);
    }

    [Fact]
    public void Accuracy_of_logits_uses_the_argmax_with_the_first_index_on_ties()
    {
        // Row 0 ties classes 0 and 1 → predicts 0 (right); row 1 predicts 2 (wrong, label 1).
        var logits = new LogitMatrix([1f, 1f, 0f, 0f, 0f, 3f], 3);
        Assert.Equal([0, 2], logits.Predictions());
        Assert.Equal(0.5, ClassificationMetrics.Accuracy(logits, [0, 1]), 15);
    }

    [Fact]
    public void Delta_accuracy_is_the_condition_minus_clean_so_a_drop_is_negative()
    {
        Assert.Equal(-0.125, ClassificationMetrics.DeltaAccuracy(0.75, 0.875), 15);
    }

    [Fact]
    public void Per_class_accuracy_is_undefined_for_a_class_without_samples()
    {
        // class 0: 1 of 2 right; class 1: 2 of 2; class 2: none present.
        var accuracy = ClassificationMetrics.PerClassAccuracy([0, 1, 1, 1], [0, 0, 1, 1], 3);
        Assert.Equal(0.5, accuracy[0], 15);
        Assert.Equal(1.0, accuracy[1], 15);
        Assert.True(double.IsNaN(accuracy[2]), $"expected NaN for the empty class 2, got {accuracy[2]}");
    }

    [Fact]
    public void Class_robustness_is_the_macro_average_of_per_class_adversarial_accuracy()
    {
        int[] sourceLabels = [0, 0, 1, 1, 1, 2];
        int[] adversarialPredictions = [0, 1, 1, 1, 0, 2];
        // m_0 = 1/2, m_1 = 1/3, m_2 = 0 → R = ((1 − 1/2) + (1 − 1/3) + 1) / 3 = 0.722222…,
        // not the pooled accuracy 4/6.
        var r = ClassificationMetrics.ClassRobustness(adversarialPredictions, sourceLabels, 3);
        Assert.Equal((0.5 + (2.0 / 3.0) + 1.0) / 3.0, r, 12);
    }

    [Fact]
    public void Class_robustness_refuses_a_class_without_adversarials()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.ClassRobustness([0, 1], [0, 1], 3));
        Assert.Contains("class 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Distortion_is_the_mean_absolute_pixel_change()
    {
        // (|0.1 − 0| + |0.5 − 0.5| + |0.7 − 1|) / 3 = 0.4 / 3.
        var d = ClassificationMetrics.Distortion([0f, 0.5f, 1f], [0.1f, 0.5f, 0.7f]);
        Assert.Equal(0.4 / 3.0, d, 7);
    }

    [Fact]
    public void Metrics_reject_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy([0, 1], [0]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Distortion([0f], [0f, 1f]));
    }
}
