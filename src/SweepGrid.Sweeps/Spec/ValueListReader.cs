using System.Globalization;
using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Values;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Spec;

/// <summary>
/// Reads the forms an axis's values may take: a list, <c>{geometric: {from, to, factor}}</c> or
/// <c>{linear: {from, to, step}}</c>. Ranges are computed in exact fractions, so their end points are
/// hit exactly and 1/64 … 16 by factor 2 gives exactly eleven values.
/// </summary>
internal static class ValueListReader
{
    /// <summary>A range producing more values than this is refused as a mistake.</summary>
    public const int MaxRangeValues = 10_000;

    /// <summary>True when <paramref name="node"/> is a range mapping (<c>geometric</c> or <c>linear</c>).</summary>
    public static bool IsRange(SpecNode node) =>
        node is MappingNode { Entries.Count: 1 } mapping && mapping.Entries[0].Key.Value is "geometric" or "linear";

    /// <summary>
    /// The values of a range node, or null (with errors recorded) when its bounds are missing, not
    /// numbers, or never reach the end.
    /// </summary>
    public static List<Fraction>? ReadRange(MappingNode node, string path, ErrorSink errors)
    {
        var kind = node.Entries[0].Key.Value;
        var rangePath = MappingReader.Join(path, kind);
        if (node.Entries[0].Value is not MappingNode body)
        {
            errors.Add(node.Entries[0].Value, rangePath, $"expected a mapping {{from, to, {StepName(kind)}}}, got {node.Entries[0].Value.Describe()}");
            return null;
        }
        var stepName = StepName(kind);
        var fields = MappingReader.Fields(body, rangePath, ["from", "to", stepName], errors);
        var before = errors.Count;
        var from = Number(fields, "from", body, rangePath, errors);
        var to = Number(fields, "to", body, rangePath, errors);
        var step = Number(fields, stepName, body, rangePath, errors);
        if (errors.Count != before || from is not { } f || to is not { } t || step is not { } s)
        {
            return null;
        }
        return kind == "geometric"
            ? Geometric(f, t, s, fields, body, rangePath, errors)
            : Linear(f, t, s, fields, body, rangePath, errors);
    }

    private static List<Fraction>? Geometric(Fraction from, Fraction to, Fraction factor, Dictionary<string, SpecNode> fields, MappingNode body, string path, ErrorSink errors)
    {
        if (from.Sign <= 0 || to.Sign <= 0)
        {
            errors.Add(from.Sign <= 0 ? fields["from"] : fields["to"], path + (from.Sign <= 0 ? ".from" : ".to"),
                "a geometric range needs from > 0 and to > 0");
            return null;
        }
        if (factor.Sign <= 0 || factor == Fraction.One)
        {
            errors.Add(fields["factor"], path + ".factor", $"expected a number > 0 other than 1, got {factor}");
            return null;
        }
        // The count comes from logarithms before anything is enumerated: exact fractions of a factor
        // close to 1 grow by digits at every step, so enumerating a huge range first would take minutes.
        var count = Math.Floor(Math.Log(to.ToDouble() / from.ToDouble()) / Math.Log(factor.ToDouble()) + 1e-9) + 1;
        if (count > MaxRangeValues)
        {
            errors.Add(body, path, TooMany(count));
            return null;
        }
        var values = new List<Fraction>();
        for (var v = from; factor > Fraction.One ? v <= to : v >= to; v = (v * factor).Bounded())
        {
            if (values.Count == MaxRangeValues)
            {
                errors.Add(body, path, $"the range gives more than {MaxRangeValues:N0} values");
                return null;
            }
            values.Add(v);
        }
        return NonEmpty(values, body, path, errors, $"factor {factor} never goes from {from} to {to}");
    }

    private static List<Fraction>? Linear(Fraction from, Fraction to, Fraction step, Dictionary<string, SpecNode> fields, MappingNode body, string path, ErrorSink errors)
    {
        if (step.Sign == 0)
        {
            errors.Add(fields["step"], path + ".step", "expected a number other than 0, got 0");
            return null;
        }
        var span = to - from;
        var steps = System.Numerics.BigInteger.Divide(span.Numerator * step.Denominator, span.Denominator * step.Numerator);
        if (steps >= MaxRangeValues)
        {
            errors.Add(body, path, TooMany((double)(steps + 1)));
            return null;
        }
        var values = new List<Fraction>();
        for (var v = from; step.Sign > 0 ? v <= to : v >= to; v += step)
        {
            if (values.Count == MaxRangeValues)
            {
                errors.Add(body, path, $"the range gives more than {MaxRangeValues:N0} values");
                return null;
            }
            values.Add(v);
        }
        return NonEmpty(values, body, path, errors, $"step {step} never goes from {from} to {to}");
    }

    private static List<Fraction>? NonEmpty(List<Fraction> values, MappingNode body, string path, ErrorSink errors, string why)
    {
        if (values.Count == 0)
        {
            errors.Add(body, path, $"the range is empty: {why}");
            return null;
        }
        return values;
    }

    private static Fraction? Number(Dictionary<string, SpecNode> fields, string name, MappingNode body, string path, ErrorSink errors)
    {
        if (!fields.TryGetValue(name, out var node))
        {
            errors.Add(body, path, $"missing '{name}'");
            return null;
        }
        if (node is ScalarNode { IsNull: false } scalar && Fraction.TryParse(scalar.Value, out var value))
        {
            return value;
        }
        errors.Add(node, MappingReader.Join(path, name), $"expected a number (fractions such as 1/64 allowed), got {node.Describe()}");
        return null;
    }

    private static string TooMany(double count) =>
        string.Create(CultureInfo.InvariantCulture, $"the range gives {count:N0} values; a range may give at most {MaxRangeValues:N0} (check from, to and the step or factor)");

    private static string StepName(string kind) => kind == "geometric" ? "factor" : "step";
}
