using System.Globalization;

namespace SweepGrid.Bench;

/// <summary>Minimal "--name value" parsing for the benchmark drivers (kept apart from the product CLI).</summary>
internal sealed class BenchArguments(string[] args)
{
    public string Get(string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
