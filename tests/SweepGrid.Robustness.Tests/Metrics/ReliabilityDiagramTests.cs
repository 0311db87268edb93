using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class ReliabilityDiagramTests
{
    [Fact]
    public void Ece_mce_and_rms_match_a_hand_computed_case()
    {
        // 0.9, 0.9 → bin (13/15, 14/15]: acc 1/2, conf 0.9, gap 0.4
        // 0.6, 0.6 → bin (8/15, 9/15]:   acc 1,   conf 0.6, gap 0.4
        // 1.0      → bin (14/15, 1]:     acc 1,   conf 1.0, gap 0
        // ECE = 2/5·0.4 + 2/5·0.4 = 0.32; MCE = 0.4; RMS = sqrt(2/5·0.16 + 2/5·0.16) = sqrt(0.128).
        double[] confidences = [0.9, 0.9, 0.6, 0.6, 1.0];
        bool[] correct = [true, false, true, true, true];
        Assert.Equal(0.32, CalibrationMetrics.ExpectedCalibrationError(confidences, correct), 12);
        Assert.Equal(0.4, CalibrationMetrics.MaximumCalibrationError(confidences, correct), 12);
        Assert.Equal(Math.Sqrt(0.128), CalibrationMetrics.RmsCalibrationError(confidences, correct), 12);
    }

    [Fact]
    public void Ece_puts_confidence_of_exactly_one_in_the_last_bin()
    {
        var diagram = ReliabilityDiagram.Compute([1.0], [true]);
        Assert.Equal(15, diagram.Bins.Count);
        Assert.Equal(1, diagram.Bins[14].Count);
        Assert.Equal(0.0, diagram.ExpectedCalibrationError);
    }

    [Fact]
    public void Ece_puts_a_confidence_on_an_edge_in_the_lower_bin()
    {
        // 0.4 = 6/15 belongs to (5/15, 6/15]; the next double above it to (6/15, 7/15].
        var diagram = ReliabilityDiagram.Compute([0.4, Math.BitIncrement(0.4), 1.0 / 15.0], [true, true, true]);
        Assert.Equal(1, diagram.Bins[5].Count);
        Assert.Equal(5.0 / 15.0, diagram.Bins[5].Lower, 15);
        Assert.Equal(0.4, diagram.Bins[5].Upper);
        Assert.Equal(1, diagram.Bins[6].Count);
        Assert.Equal(1, diagram.Bins[0].Count);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(10)]
    [InlineData(7)]
    public void Every_edge_k_over_b_falls_in_bin_k_minus_one(int binCount)
    {
        for (var k = 1; k <= binCount; k++)
        {
            var edge = (double)k / binCount;
            Assert.True(ReliabilityDiagram.BinOf(edge, binCount) == k - 1, $"edge {k}/{binCount} should be in bin {k - 1}, got {ReliabilityDiagram.BinOf(edge, binCount)}");
            if (k < binCount)
            {
                Assert.Equal(k, ReliabilityDiagram.BinOf(Math.BitIncrement(edge), binCount));
            }
        }
    }

    [Fact]
    public void Ece_counts_a_zero_confidence_in_n_but_in_no_bin_as_the_reference_code_does()
    {
        // 0.5 (wrong) alone in (7/15, 8/15]: gap 0.5 with weight 1/2 → 0.25. Had 0.0 (right) been put in
        // bin 0, the ECE would be 0.25 + 1/2·1 = 0.75.
        var diagram = ReliabilityDiagram.Compute([0.0, 0.5], [true, false]);
        Assert.Equal(2, diagram.SampleCount);
        Assert.Equal(1, diagram.Bins.Sum(b => b.Count));
        Assert.Equal(0.25, diagram.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void Empty_bins_report_nan_means_and_do_not_enter_the_mce()
    {
        var diagram = ReliabilityDiagram.Compute([0.95], [false]);
        Assert.True(double.IsNaN(diagram.Bins[0].Accuracy), "an empty bin's accuracy should be NaN");
        Assert.Equal(0.95, diagram.MaximumCalibrationError, 12);
    }

    [Theory]
    [InlineData(1.0000001)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Confidences_outside_zero_one_are_rejected(double confidence)
    {
        Assert.Throws<ArgumentException>(() => ReliabilityDiagram.Compute([confidence], [true]));
    }
}
