using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class OodDetectionTests
{
    [Fact]
    public void Auroc_is_one_when_every_ood_score_is_higher()
    {
        Assert.Equal(1.0, OodDetection.Auroc([0.1, 0.2, 0.3], [0.4, 0.5]));
        Assert.Equal(0.0, OodDetection.Auroc([0.4, 0.5], [0.1, 0.2, 0.3]));
    }

    [Fact]
    public void Auroc_is_one_half_when_all_scores_are_equal()
    {
        Assert.Equal(0.5, OodDetection.Auroc([0.7, 0.7, 0.7], [0.7, 0.7]));
    }

    [Fact]
    public void Auroc_counts_ties_one_half()
    {
        // OOD 2 beats ID 1, ties ID 2 (½), loses to ID 3; OOD 4 beats all three → (1 + ½ + 3) / 6 = 0.75.
        Assert.Equal(0.75, OodDetection.Auroc([1, 2, 3], [2, 4]), 15);
    }

    [Fact]
    public void Auroc_agrees_with_pairwise_counting_on_tied_data()
    {
        var random = new Random(5);
        var inScores = Enumerable.Range(0, 60).Select(_ => (double)random.Next(10)).ToArray();
        var outScores = Enumerable.Range(0, 40).Select(_ => (double)random.Next(4, 14)).ToArray();
        var pairs = 0.0;
        foreach (var o in outScores)
        {
            foreach (var i in inScores)
            {
                pairs += o > i ? 1.0 : o == i ? 0.5 : 0.0;
            }
        }
        Assert.Equal(pairs / (60 * 40), OodDetection.Auroc(inScores, outScores), 12);
    }

    [Fact]
    public void Fpr95_is_the_fraction_of_id_scores_at_or_above_the_lowest_threshold_catching_95_percent_of_ood()
    {
        // OOD 10…29: TPR 19/20 = 0.95 holds for every threshold in (10, 11], and the candidates in that
        // range are 10.5 (an ID score) and 11; the lower one, 10.5, is taken as in Hendrycks' code.
        // ID ≥ 10.5: 10.5, 12, 30 → 3/5 (the threshold 11 alone would give 2/5).
        var outScores = Enumerable.Range(10, 20).Select(v => (double)v).ToArray();
        Assert.Equal(0.6, OodDetection.FalsePositiveRateAtRecall([0, 5, 10.5, 12, 30], outScores), 15);
    }

    [Fact]
    public void Fpr95_takes_the_tpr_nearest_to_95_percent_not_the_first_above()
    {
        // OOD 1…10: TPR 0.9 (threshold 2) is nearer 0.95 in double than TPR 1.0 (threshold 1), since
        // |0.9 − 0.95| = 0.04999…93 < |1 − 0.95| = 0.05000…04. ID ≥ 2: 3.5 → 1/4; the "TPR ≥ 95%"
        // convention (threshold 1) would also count the ID sample at 1.0 → 2/4.
        var outScores = Enumerable.Range(1, 10).Select(v => (double)v).ToArray();
        Assert.Equal(0.25, OodDetection.FalsePositiveRateAtRecall([1.0, 0.5, 3.5, 0], outScores), 15);
    }

    [Fact]
    public void Fpr_breaks_an_exact_tie_in_tpr_distance_towards_the_higher_tpr()
    {
        // OOD 1…4 at recall 0.625: TPR 0.75 and TPR 0.5 are both exactly 0.125 away; the higher TPR wins.
        // TPR 0.75 holds for thresholds in (1, 2], whose lowest candidate is the ID score 1.5 → ID ≥ 1.5:
        // both → 1.0. (TPR 0.5 would count only ID scores above 2 → 1/2.)
        Assert.Equal(1.0, OodDetection.FalsePositiveRateAtRecall([1.5, 5], [1, 2, 3, 4], recall: 0.625), 15);
    }

    [Fact]
    public void Fpr95_counts_tied_id_scores_at_the_threshold_as_false_positives()
    {
        // All OOD scores equal 1: the only threshold is 1, and the ID sample at 1 is at or above it.
        Assert.Equal(0.5, OodDetection.FalsePositiveRateAtRecall([1.0, 0.0], [1.0, 1.0, 1.0]), 15);
        Assert.Equal(0.0, OodDetection.FalsePositiveRateAtRecall([0.0, 0.5], [1.0, 2.0]), 15);
    }

    [Fact]
    public void Ood_metrics_need_both_sets()
    {
        Assert.Throws<ArgumentException>(() => OodDetection.Auroc([], [1.0]));
        Assert.Throws<ArgumentException>(() => OodDetection.FalsePositiveRateAtRecall([1.0], []));
    }

    [Fact]
    public void Evaluate_reports_auroc_and_fpr95_for_every_logit_score()
    {
        // ID rows confident, OOD rows flat: every score separates them perfectly.
        var inDistribution = new LogitMatrix([8f, 0f, 0f, 0f, 7f, 0f, 0f, 0f, 9f], 3);
        var outOfDistribution = new LogitMatrix([1f, 1f, 1f, 0.5f, 0.4f, 0.6f], 3);
        var metrics = OodDetection.Evaluate(inDistribution, outOfDistribution);
        foreach (var score in Enum.GetValues<OodScore>())
        {
            Assert.Equal(1.0, metrics[MetricName.Auroc(score)]);
            Assert.Equal(0.0, metrics[MetricName.Fpr95(score)]);
        }
        Assert.Equal(6, metrics.Count);
    }
}
