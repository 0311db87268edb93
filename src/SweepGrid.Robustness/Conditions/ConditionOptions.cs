using System.Globalization;

namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// The ";name=value" options that follow a condition's or stage's value ("pgd10=0.3;restarts=5",
/// "lowpass5;noise=0.27"). Names are lower case and given at most once; values are invariant-culture numbers.
/// Errors name the whole entry.
/// </summary>
internal sealed class ConditionOptions
{
    private readonly Dictionary<string, string> values;
    private readonly string entry;
    private readonly string list;

    private ConditionOptions(Dictionary<string, string> values, string entry, string list)
    {
        this.values = values;
        this.entry = entry;
        this.list = list;
    }

    public int Count => values.Count;

    public IEnumerable<string> Keys => values.Keys;

    public static ConditionOptions Read(ReadOnlySpan<string> parts, string entry, string list)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? part : part[..equals]).Trim().ToLowerInvariant();
            if (equals < 0 || name.Length == 0 || !values.TryAdd(name, part[(equals + 1)..].Trim()))
            {
                throw new InvalidConditionException(entry,
                    $"option \";{part}\" of \"{entry}\" in \"{list}\" is not \";name=value\" or is given twice");
            }
        }
        return new ConditionOptions(values, entry, list);
    }

    /// <summary>The option's value, or null when it is not given.</summary>
    public double? Number(string name, Func<double, bool> valid, string expected)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !valid(number))
        {
            throw new InvalidConditionException(entry, $"option \"{name}={text}\" of \"{entry}\" in \"{list}\": expected {expected}");
        }
        return number;
    }

    /// <summary>Refuses options other than <paramref name="allowed"/>, listing those.</summary>
    public void CheckOnly(string owner, params string[] allowed)
    {
        foreach (var name in values.Keys.Where(k => !allowed.Contains(k)))
        {
            throw new InvalidConditionException(entry,
                $"unknown option \"{name}\" of \"{owner}\" in \"{entry}\"; allowed: {string.Join(", ", allowed)}");
        }
    }
}
