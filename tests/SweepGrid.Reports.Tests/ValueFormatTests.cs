namespace SweepGrid.Reports.Tests;

public class ValueFormatTests
{
    [Theory]
    [InlineData("0.015625", "1/64")]
    [InlineData("0.125", "1/8")]
    [InlineData("0.5", "1/2")]
    [InlineData("4", "4")]
    [InlineData("4.0", "4")]
    [InlineData("16", "16")]
    [InlineData("0.3", "0.3")]
    [InlineData("0.75", "0.75")]
    [InlineData("all", "all")]
    public void Axis_values_print_power_of_two_fractions_exactly(string canonical, string expected) =>
        Assert.Equal(expected, ValueFormat.FormatAxisValue(canonical));

    [Theory]
    [InlineData(-0.00001, 4, "0.0000")]
    [InlineData(0.98765, 4, "0.9877")]
    [InlineData(-0.5, 2, "-0.50")]
    [InlineData(double.NaN, 4, "NaN")]
    public void Measurements_use_fixed_decimals_without_negative_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, ValueFormat.FormatMeasurement(value, decimals));

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Round_trip_format_spells_out_non_finite_values(double value, string expected) =>
        Assert.Equal(expected, ValueFormat.FormatRoundTrip(value));
}
