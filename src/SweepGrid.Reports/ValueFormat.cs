using System.Globalization;

namespace SweepGrid.Reports;

/// <summary>How reports print numbers: invariant culture, fixed decimals for measurements, exact fractions for power-of-two axis values.</summary>
public static class ValueFormat
{
    private const long MantissaMask = (1L << 52) - 1;

    /// <summary>
    /// Prints an axis value: an exact power-of-two fraction 2^−k (k ≥ 1) as <c>1/2^k</c> (0.015625 → <c>1/64</c>,
    /// 0.125 → <c>1/8</c>); any other number in its shortest invariant form (<c>4</c>, <c>0.3</c>); text unchanged.
    /// </summary>
    public static string FormatAxisValue(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        if (!TryParseNumber(canonical, out var value))
        {
            return canonical;
        }

        return TryFormatPowerOfTwoFraction(value, out var fraction) ? fraction : FormatShortest(value);
    }

    /// <summary>A measurement with <paramref name="decimals"/> fixed decimals; never prints <c>-0.000</c>; NaN and ±∞ as <c>NaN</c>, <c>∞</c>, <c>-∞</c>.</summary>
    public static string FormatMeasurement(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        var text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? text[1..] : text;
    }

    /// <summary>
    /// A value for machine-readable outputs (CSV, JSON strings): the shortest text that round-trips,
    /// <c>NaN</c>, <c>Infinity</c> or <c>-Infinity</c>.
    /// </summary>
    public static string FormatRoundTrip(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : FormatShortest(value);

    /// <summary>Parses an invariant-culture number (e.g. an axis value or a condition parameter).</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>True when <paramref name="value"/> is exactly 2^k for an integer k (positive, zero or negative).</summary>
    public static bool IsPowerOfTwo(double value)
    {
        if (!double.IsNormal(value) || value <= 0)
        {
            return false;
        }

        return (BitConverter.DoubleToInt64Bits(value) & MantissaMask) == 0;
    }

    internal static bool TryFormatPowerOfTwoFraction(double value, out string fraction)
    {
        fraction = "";
        if (!IsPowerOfTwo(value) || value >= 1)
        {
            return false;
        }

        var k = 1023 - (int)((BitConverter.DoubleToInt64Bits(value) >> 52) & 0x7FF);
        if (k > 62)
        {
            return false;
        }

        fraction = "1/" + (1L << k).ToString(CultureInfo.InvariantCulture);
        return true;
    }

    internal static string FormatShortest(double value) =>
        (value == 0 ? 0.0 : value).ToString("R", CultureInfo.InvariantCulture);
}
