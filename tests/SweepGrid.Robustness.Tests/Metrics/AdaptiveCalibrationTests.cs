using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class AdaptiveCalibrationTests
{
    // Sorted: 0.1 F, 0.2 T | 0.7 T, 0.8 F, 0.9 T with bins of 2 → ⌊5/2⌋ = 2 bins, the remainder joins the last.
    private static readonly double[] Confidences = [0.9, 0.1, 0.8, 0.2, 0.7];
    private static readonly bool[] Correct = [true, false, false, true, true];

    [Fact]
    public void Adaptive_rms_sorts_by_confidence_and_adds_the_remainder_to_the_last_bin()
    {
        // bin 0: conf 0.15, acc 0.5 → 2/5·0.35² = 0.049; bin 1: conf 0.8, acc 2/3 → 3/5·(2/15)² = 0.010666…
        var expected = Math.Sqrt(0.049 + (0.6 * (2.0 / 15.0) * (2.0 / 15.0)));
        Assert.Equal(expected, CalibrationMetrics.AdaptiveRmsCalibrationError(Confidences, Correct, binSize: 2), 12);
    }

    [Fact]
    public void Adaptive_rms_with_skip_last_leaves_out_the_last_bin_but_keeps_n()
    {
        // Hendrycks' loop: only bin 0 with weight 2/5 → sqrt(0.049).
        Assert.Equal(Math.Sqrt(0.049), CalibrationMetrics.AdaptiveRmsCalibrationError(Confidences, Correct, binSize: 2, skipLast: true), 12);
    }

    [Fact]
    public void Adaptive_rms_with_fewer_samples_than_a_bin_uses_one_bin()
    {
        // conf mean 0.8, accuracy 0.5 → 0.3.
        Assert.Equal(0.3, CalibrationMetrics.AdaptiveRmsCalibrationError([0.9, 0.7], [true, false]), 12);
    }

    [Fact]
    public void Adaptive_rms_keeps_tied_confidences_in_input_order()
    {
        // All 0.5: bins [T, T] and [F, F] → gaps 0.5 and 0.5 → 0.5 (an order-scrambling sort could give 0).
        Assert.Equal(0.5, CalibrationMetrics.AdaptiveRmsCalibrationError([0.5, 0.5, 0.5, 0.5], [true, true, false, false], binSize: 2), 12);
    }

    [Fact]
    public void Adaptive_rms_uses_bins_of_one_hundred_by_default()
    {
        // 250 samples: bins [0,100), [100,250). First 100 at conf 0.5 all right (gap 0.5),
        // the other 150 at conf 0.9 with 135 right (gap 0): sqrt(100/250·0.25) = sqrt(0.1).
        var confidences = new double[250];
        var correct = new bool[250];
        for (var i = 0; i < 250; i++)
        {
            confidences[i] = i < 100 ? 0.5 : 0.9;
            correct[i] = i < 100 || i >= 115;
        }
        Assert.Equal(Math.Sqrt(0.1), CalibrationMetrics.AdaptiveRmsCalibrationError(confidences, correct), 12);
    }
}
