using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class InputGradientStatisticsTests
{
    [Fact]
    public void Median_per_class_averages_the_middle_pair_and_is_nan_for_an_empty_class()
    {
        // class 0: {1, 3, 2} → 2; class 1: {10, 0} → 5; class 2: {0} → 0; class 3: none.
        var medians = InputGradientStatistics.MedianPerClass([1, 3, 2, 10, 0, 0], [0, 0, 0, 1, 1, 2], 4);
        Assert.Equal(2.0, medians[0]);
        Assert.Equal(5.0, medians[1]);
        Assert.Equal(0.0, medians[2]);
        Assert.True(double.IsNaN(medians[3]), $"expected NaN for the empty class 3, got {medians[3]}");
    }

    [Fact]
    public void Pearson_matches_a_hand_computed_case()
    {
        // x̄ = 2, ȳ = 13/3; Σdxdy = 5, Σdx² = 2, Σdy² = 114/9 → r = 5 / sqrt(228/9) = 0.993399…
        Assert.Equal(5.0 / Math.Sqrt(228.0 / 9.0), Correlation.Pearson([1, 2, 3], [2, 4, 7]), 12);
    }

    [Fact]
    public void Spearman_uses_average_ranks_for_ties()
    {
        // ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5 / sqrt(22.5).
        Assert.Equal(4.5 / Math.Sqrt(22.5), Correlation.Spearman([1, 2, 2, 3], [1, 3, 2, 4]), 12);
        Assert.Equal(1.0, Correlation.Spearman([1, 2, 3], [2, 4, 7]), 12);
    }

    [Fact]
    public void Correlation_with_a_constant_is_undefined()
    {
        Assert.True(double.IsNaN(Correlation.Pearson([0, 0, 0], [0.1, 0.5, 0.9])), "all-zero gradients have no correlation");
    }

    [Fact]
    public void Zero_fraction_counts_exact_zeros_only()
    {
        Assert.Equal(0.5, InputGradientStatistics.ZeroFraction([0.0, 1e-30, 0.0, 2.0]), 15);
    }

    [Fact]
    public void Summary_reports_every_statistic_under_its_metric_name()
    {
        double[] gradients = [0.0, 0.2, 0.4, 0.0];
        double[] confidence = [0.99, 0.6, 0.3, 0.95];
        var summary = InputGradientStatistics.Summarize(gradients, [0, 0, 1, 1], confidence, 2);
        var metrics = summary.ToMetrics();
        Assert.Equal(0.5, metrics[MetricName.ZeroGradientFraction]);
        Assert.Equal(0.1, metrics[MetricName.GradientMedianOfClass(0)], 15);
        Assert.Equal(0.2, metrics[MetricName.GradientMedianOfClass(1)], 15);
        Assert.True(summary.PearsonWithConfidence < -0.9, $"larger gradients go with lower confidence here; got r = {summary.PearsonWithConfidence}");
        // ranks G = [1.5, 3, 4, 1.5], confidence = [4, 2, 1, 3] → −4.5 / sqrt(4.5·5).
        Assert.Equal(-4.5 / Math.Sqrt(22.5), summary.SpearmanWithConfidence, 12);
    }
}
