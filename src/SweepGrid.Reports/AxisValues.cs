namespace SweepGrid.Reports;

/// <summary>
/// The values one training axis takes in a set of rows, with the order and the printed form reports use:
/// numeric order when every present value is a number, else ordinal; fractions (<c>1/64</c>) only when
/// every value is a power of two (a ladder such as the sigmoid temperatures), so that e.g. dropout rates
/// 0.1 and 0.5 print as decimals side by side. A missing value ("") sorts last and prints as <c>—</c>.
/// Text values follow their first trial's submission ordinal when given (the spec's order), then ordinal text order.
/// </summary>
internal sealed class AxisValues : IComparer<string>
{
    internal const string MissingLabel = "—";

    private readonly Dictionary<string, double> numbers = new(StringComparer.Ordinal);
    private readonly bool fractions;
    private readonly IReadOnlyDictionary<string, long> firstOrdinals;

    public AxisValues(string path, IEnumerable<string> values, IReadOnlyDictionary<string, long>? firstOrdinals = null)
    {
        Path = path;
        this.firstOrdinals = firstOrdinals ?? new Dictionary<string, long>(StringComparer.Ordinal);
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        var present = distinct.Where(v => v.Length > 0).ToList();
        foreach (var value in present)
        {
            if (ValueFormat.TryParseNumber(value, out var number))
            {
                numbers[value] = number;
            }
        }

        IsNumeric = present.Count > 0 && numbers.Count == present.Count;
        fractions = IsNumeric && numbers.Values.All(ValueFormat.IsPowerOfTwo);
        Values = distinct.Order(this).ToList();
    }

    public string Path { get; }

    /// <summary>True when every present value parses as a finite number.</summary>
    public bool IsNumeric { get; }

    /// <summary>Distinct values (including "" for missing) in report order.</summary>
    public IReadOnlyList<string> Values { get; }

    public double Number(string value) => numbers[value];

    public string Label(string value)
    {
        if (value.Length == 0)
        {
            return MissingLabel;
        }

        if (!IsNumeric)
        {
            return value;
        }

        var number = numbers[value];
        return fractions && ValueFormat.TryFormatPowerOfTwoFraction(number, out var fraction)
            ? fraction
            : ValueFormat.FormatShortest(number);
    }

    public int Compare(string? x, string? y)
    {
        x ??= "";
        y ??= "";
        if (x.Length == 0 || y.Length == 0)
        {
            return y.Length.CompareTo(x.Length);
        }

        if (IsNumeric)
        {
            var order = numbers[x].CompareTo(numbers[y]);
            if (order != 0)
            {
                return order;
            }
        }
        else
        {
            var order = Ordinal(x).CompareTo(Ordinal(y));
            if (order != 0)
            {
                return order;
            }
        }

        return string.CompareOrdinal(x, y);
    }

    private long Ordinal(string value) => firstOrdinals.TryGetValue(value, out var ordinal) ? ordinal : long.MaxValue;

    /// <summary>The smallest trial ordinal per value of <paramref name="path"/> (trials lacking it give "").</summary>
    public static Dictionary<string, long> FirstOrdinals(IEnumerable<(IReadOnlyDictionary<string, string> Axes, long Ordinal)> trials, string path)
    {
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (axes, ordinal) in trials)
        {
            var value = axes.TryGetValue(path, out var v) ? v : "";
            first[value] = first.TryGetValue(value, out var seen) ? Math.Min(seen, ordinal) : ordinal;
        }

        return first;
    }
}
