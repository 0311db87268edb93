using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class LogitScoreTests
{
    private static readonly float Ln3 = MathF.Log(3f);

    [Fact]
    public void Nll_of_uniform_logits_is_log_k()
    {
        var logits = new LogitMatrix([0f, 0f, 0f, 5f, 5f, 5f], 3);
        Assert.Equal(Math.Log(3.0), CalibrationMetrics.NegativeLogLikelihood(logits, [2, 0]), 12);
    }

    [Fact]
    public void Nll_stays_finite_for_a_confidently_wrong_prediction()
    {
        // log softmax([1000, 0])_1 = −1000 − log(1 + e^−1000) = −1000; a naive exp would overflow.
        var logits = new LogitMatrix([1000f, 0f], 2);
        Assert.Equal(1000.0, CalibrationMetrics.NegativeLogLikelihood(logits, [1]), 9);
    }

    [Fact]
    public void Nll_divides_the_logits_by_the_temperature()
    {
        // [2, 0] at T = 2 is [1, 0]: −log softmax_0 = log(1 + e^−1).
        var logits = new LogitMatrix([2f, 0f], 2);
        Assert.Equal(Math.Log(1.0 + Math.Exp(-1.0)), CalibrationMetrics.NegativeLogLikelihood(logits, [0], temperature: 2.0), 12);
    }

    [Fact]
    public void Max_softmax_probability_of_a_three_to_one_row_is_three_quarters()
    {
        var logits = new LogitMatrix([0f, Ln3], 2);
        Assert.Equal(0.75, OodScores.MaxSoftmaxProbability(logits)[0], 6);
    }

    [Fact]
    public void Max_softmax_probability_saturates_to_exactly_one_for_a_large_margin()
    {
        // e^−50 ≈ 2e−22 is below half an ulp of 1, so 1 / (1 + e^−50) is exactly 1.0, which the
        // calibration bins must place in the last bin.
        var logits = new LogitMatrix([50f, 0f], 2);
        var (confidences, correct) = CalibrationMetrics.ConfidenceAndCorrectness(logits, [0]);
        Assert.Equal(1.0, confidences[0]);
        Assert.True(correct[0]);
        Assert.Equal(1, ReliabilityDiagram.Compute(confidences, correct).Bins[14].Count);
    }

    [Fact]
    public void Entropy_is_log_k_for_uniform_and_zero_for_a_saturated_row()
    {
        var logits = new LogitMatrix([0f, 0f, 0f, 0f, 1000f, 0f, 0f, 0f], 4);
        var entropy = OodScores.Entropy(logits);
        Assert.Equal(Math.Log(4.0), entropy[0], 12);
        Assert.Equal(0.0, entropy[1], 12);
    }

    [Fact]
    public void Entropy_of_a_three_to_one_row_matches_the_formula()
    {
        // −(¼ log ¼ + ¾ log ¾) = 0.5623351…
        var expected = -((0.25 * Math.Log(0.25)) + (0.75 * Math.Log(0.75)));
        Assert.Equal(expected, OodScores.Entropy(new LogitMatrix([0f, Ln3], 2))[0], 6);
    }

    [Fact]
    public void Anomaly_scores_grow_with_ood_likelihood()
    {
        // Row 0 is confident, row 1 uniform: every anomaly score must rank row 1 higher.
        var logits = new LogitMatrix([9f, 0f, 0f, 1f, 1f, 1f], 3);
        foreach (var score in Enum.GetValues<OodScore>())
        {
            var anomaly = OodScores.Anomaly(logits, score);
            Assert.True(anomaly[1] > anomaly[0], $"{score}: the uniform row should be more anomalous ({anomaly[1]} vs {anomaly[0]})");
        }
        Assert.Equal(-9.0, OodScores.Anomaly(logits, OodScore.MaxLogit)[0]);
    }

    [Fact]
    public void True_class_probability_reads_the_labelled_entry()
    {
        var p = OodScores.TrueClassProbability(new LogitMatrix([0f, Ln3, 0f, Ln3], 2), [0, 1]);
        Assert.Equal(0.25, p[0], 6);
        Assert.Equal(0.75, p[1], 6);
    }

    [Fact]
    public void Logit_matrix_rejects_non_finite_logits_and_ragged_rows()
    {
        Assert.Throws<ArgumentException>(() => new LogitMatrix([0f, float.NaN], 2));
        Assert.Throws<ArgumentException>(() => new LogitMatrix([0f, 1f, 2f], 2));
        Assert.Throws<ArgumentException>(() => LogitMatrix.FromRows([[0f, 1f], [2f]]));
    }

    [Fact]
    public void Labels_outside_the_classes_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationMetrics.NegativeLogLikelihood(new LogitMatrix([0f, 1f], 2), [2]));
    }
}
