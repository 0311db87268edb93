using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class ActivationRegimesTests
{
    // definitions.md, "Reference values (computed) for the regime bounds".
    public static TheoryData<double, double, double> ReferenceTable => new()
    {
        { 1.0 / 64, 0.080999, 0.183746 },
        { 1.0 / 32, 0.109206, 0.345831 },
        { 1.0 / 16, 0.158082, 0.648339 },
        { 1.0 / 8, 0.243528, 1.210027 },
        { 1.0 / 4, 0.406126, 2.246737 },
        { 1.0 / 2, 0.742391, 4.146775 },
        { 1.0, 1.439931, 7.599902 },
        { 2.0, 2.855545, 13.811505 },
        { 4.0, 5.698660, 24.842384 },
        { 8.0, 11.391071, 44.107300 },
        { 16.0, 22.779013, 76.993892 },
    };

    [Theory]
    [MemberData(nameof(ReferenceTable))]
    public void Regime_bounds_reproduce_the_reference_table_to_six_decimals(double temperature, double r1, double r2)
    {
        Assert.Equal(r1, Math.Round(ActivationRegimes.LinearBound(temperature), 6));
        Assert.Equal(r2, Math.Round(ActivationRegimes.SaturationBound(temperature), 6));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(3.0)]
    public void Linear_bound_lies_at_euclidean_distance_delta1_from_the_tangent(double t)
    {
        var r1 = ActivationRegimes.LinearBound(t);
        var f = 1.0 / (1.0 + Math.Exp(-r1 / t));
        var distance = (0.5 + (r1 / (4 * t)) - f) / Math.Sqrt(1 + (1 / (16 * t * t)));
        Assert.Equal(0.05, distance, 12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(16.0)]
    public void Saturation_bound_is_where_the_slope_falls_to_delta2(double t)
    {
        var r2 = ActivationRegimes.SaturationBound(t);
        var f = 1.0 / (1.0 + Math.Exp(-r2 / t));
        Assert.Equal(0.0005, f * (1 - f) / t, 12);
    }

    [Fact]
    public void Saturation_bound_is_undefined_from_temperature_500()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationRegimes.SaturationBound(500.0));
        Assert.True(ActivationRegimes.SaturationBound(499.0) > 0.0, "T = 499 is still below the limit");
    }

    [Fact]
    public void Fractions_count_net_inputs_by_magnitude()
    {
        // T = 1: r1 = 1.439931, r2 = 7.599902.
        // linear: 0, 1, −1.43; nonlinear: 1.5, −7; saturated: 7.6, −100, 8.
        var fractions = ActivationRegimes.Fractions([0f, 1f, -1.43f, 1.5f, -7f, 7.6f, -100f, 8f], 1.0);
        Assert.Equal(3.0 / 8, fractions.Linear, 15);
        Assert.Equal(2.0 / 8, fractions.Nonlinear, 15);
        Assert.Equal(3.0 / 8, fractions.Saturated, 15);
        Assert.Equal(fractions.Saturated, fractions.ToMetrics()[MetricName.RegimeSaturatedFraction]);
    }

    [Fact]
    public void Fractions_refuse_temperatures_where_the_regimes_overlap()
    {
        // At T = 400, r1 ≈ 569 exceeds r2 ≈ 385.
        Assert.Throws<ArgumentException>(() => ActivationRegimes.Fractions([1f], 400.0));
    }
}
