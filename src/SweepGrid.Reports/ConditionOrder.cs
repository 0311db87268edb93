namespace SweepGrid.Reports;

/// <summary>
/// The order of evaluation conditions in tables and legends: unprefixed conditions before pre-processed
/// ones (<c>lowpass5:fgsm=0.1</c>, grouped by prefix); within a group by kind — clean, brightness,
/// blur, noise, fgsm, pgd, then every other kind alphabetically — then by the kind's numeric suffix
/// (<c>blur7</c>, <c>pgd20</c>), then by value (numerically when both are numbers). Total and
/// culture-independent, so outputs are deterministic.
/// </summary>
public sealed class ConditionOrder : IComparer<string>
{
    private static readonly string[] KnownKinds = ["clean", "brightness", "blur", "noise", "fgsm", "pgd"];

    private ConditionOrder()
    {
    }

    /// <summary>The comparer instance.</summary>
    public static ConditionOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var a = Parse(x);
        var b = Parse(y);
        var order = ComparePrefix(a.Prefix, b.Prefix);
        if (order == 0)
        {
            order = a.Rank.CompareTo(b.Rank);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Kind, b.Kind);
        }

        if (order == 0)
        {
            order = Nullable.Compare(a.Suffix, b.Suffix);
        }

        if (order == 0)
        {
            order = CompareValues(a.Value, b.Value);
        }

        return order != 0 ? order : string.CompareOrdinal(x, y);
    }

    private static int ComparePrefix(string a, string b) =>
        a.Length == 0 ? (b.Length == 0 ? 0 : -1)
        : b.Length == 0 ? 1
        : string.CompareOrdinal(a, b);

    private static int CompareValues(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var aNumber = ValueFormat.TryParseNumber(a, out var x);
        var bNumber = ValueFormat.TryParseNumber(b, out var y);
        if (aNumber && bNumber)
        {
            return x.CompareTo(y);
        }

        return aNumber != bNumber ? (aNumber ? -1 : 1) : string.CompareOrdinal(a, b);
    }

    private static Parsed Parse(string condition)
    {
        var equals = condition.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? condition : condition[..equals];
        var value = equals < 0 ? null : condition[(equals + 1)..];
        var colon = name.LastIndexOf(':');
        var prefix = colon < 0 ? "" : name[..colon];
        name = name[(colon + 1)..];

        var digits = name.Length;
        while (digits > 0 && char.IsAsciiDigit(name[digits - 1]))
        {
            digits--;
        }

        var kind = digits > 0 ? name[..digits] : name;
        int? suffix = digits > 0 && digits < name.Length && int.TryParse(name.AsSpan(digits), out var s) ? s : null;
        var rank = Array.IndexOf(KnownKinds, kind);
        return new Parsed(prefix, rank < 0 ? KnownKinds.Length : rank, kind, suffix, value);
    }

    private readonly record struct Parsed(string Prefix, int Rank, string Kind, int? Suffix, string? Value);
}
