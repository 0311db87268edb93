using System.Globalization;

namespace SweepGrid.Actors;

/// <summary>Human-readable durations for error messages ("250 ms", "5 s", "2.5 min").</summary>
internal static class Durations
{
    public static string Format(TimeSpan value)
    {
        if (value == Timeout.InfiniteTimeSpan)
            return "infinite time";
        if (value < TimeSpan.FromSeconds(1))
            return value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
        if (value < TimeSpan.FromMinutes(2))
            return value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
        return value.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min";
    }

    public static string TypeName(object? message) => message?.GetType().Name ?? "null";
}
