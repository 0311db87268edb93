using System.Globalization;

namespace SweepGrid.Cli.Commands;

/// <summary>Parsing helpers shared by commands: numbers with fractions, and closed vocabularies.</summary>
internal static class Numbers
{
    /// <summary>Parses "0.125" or "1/8" as a positive finite number, naming the option on failure.</summary>
    public static double ParsePositive(string text, string option)
    {
        var parts = text.Split('/');
        double value = parts.Length switch
        {
            1 when double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
            2 when double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d != 0 => n / d,
            _ => double.NaN,
        };
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new FormatException($"{option} must be a positive number or fraction such as 1/64 (got '{text}')");
        }
        return value;
    }

    public static string Allowed(string value, string option, params string[] allowed)
    {
        var v = value.Trim().ToLowerInvariant();
        return allowed.Contains(v) ? v : throw new FormatException($"{option} must be one of {string.Join(", ", allowed)} (got '{value}')");
    }
}
