namespace SweepGrid.Reports.Tests;

public class CellStatisticsTests
{
    [Fact]
    public void Mean_and_sample_std_match_hand_computation()
    {
        // mean = 2.4/3 = 0.8; squared deviations 0.01 + 0 + 0.01 = 0.02; /(n − 1) = 0.01; sqrt = 0.1.
        var s = CellStatistics.Of([0.9, 0.8, 0.7]);

        Assert.Equal(3, s.N);
        Assert.Equal(0.8, s.Mean, 12);
        Assert.NotNull(s.StandardDeviation);
        Assert.Equal(0.1, s.StandardDeviation!.Value, 12);
        Assert.Equal(0, s.Excluded);
    }

    [Fact]
    public void Single_value_has_no_std()
    {
        var s = CellStatistics.Of([0.42]);

        Assert.Equal(new CellStatistics(1, 0.42, null, 0), s);
    }

    [Fact]
    public void NaN_and_infinite_values_are_excluded_and_counted()
    {
        // Finite values 0.9 and 0.7: mean 0.8, std sqrt(0.02 / 1).
        var s = CellStatistics.Of([0.9, double.NaN, 0.7, double.PositiveInfinity]);

        Assert.Equal(2, s.N);
        Assert.Equal(2, s.Excluded);
        Assert.Equal(0.8, s.Mean, 12);
        Assert.Equal(Math.Sqrt(0.02), s.StandardDeviation!.Value, 12);
    }

    [Fact]
    public void Only_NaN_values_give_an_empty_mean()
    {
        var s = CellStatistics.Of([double.NaN, double.NaN]);

        Assert.Equal(0, s.N);
        Assert.Equal(2, s.Excluded);
        Assert.True(double.IsNaN(s.Mean), $"expected NaN mean for a cell with no finite values, got {s.Mean}");
        Assert.Null(s.StandardDeviation);
    }
}
