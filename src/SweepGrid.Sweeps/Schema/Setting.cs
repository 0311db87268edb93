using SweepGrid.Sweeps.Values;

namespace SweepGrid.Sweeps.Schema;

/// <summary>
/// One leaf of the spec's configuration tree (e.g. <c>training.optimizer.lr</c>): its type, default,
/// allowed values and a one-line description. The same definition checks the value written in its
/// section, on an axis, in a profile and in an ensemble member, so all four accept exactly the same.
/// </summary>
internal sealed record Setting(string Path, SettingKind Kind, SettingValue? Default, string Doc)
{
    /// <summary>Lower bound of a number or integer, if any.</summary>
    public Bound? Min { get; init; }

    /// <summary>Upper bound of a number or integer, if any.</summary>
    public Bound? Max { get; init; }

    /// <summary>Allowed names of a choice (or named values of a dropout layout).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The last segment of <see cref="Path"/>.</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>What is allowed, as an error message says it ("a number > 0", "one of relu, gelu").</summary>
    public string Allowed => Kind switch
    {
        SettingKind.Number => "a number" + Interval(),
        SettingKind.Integer => "an integer" + Interval(),
        SettingKind.Boolean => "true or false",
        SettingKind.Choice => "one of " + string.Join(", ", Choices),
        SettingKind.Dropout => "none, inp, all, or five rates 0 <= r < 1 such as '0.2,0,0,0.5,0.5'",
        SettingKind.Stages => "seed001, none, or a list of {epochs: n >= 1, weight: 0 < w <= 1}",
        _ => "a value",
    };

    /// <summary>True when <paramref name="value"/> lies within <see cref="Min"/> and <see cref="Max"/>.</summary>
    public bool InRange(Fraction value) =>
        (Min is not { } min || (min.Inclusive ? value >= min.Value : value > min.Value))
        && (Max is not { } max || (max.Inclusive ? value <= max.Value : value < max.Value));

    private string Interval()
    {
        return (Min, Max) switch
        {
            ({ } min, { } max) => $" in {(min.Inclusive ? "[" : "(")}{min.Value}, {max.Value}{(max.Inclusive ? "]" : ")")}",
            ({ } min, null) => $" {(min.Inclusive ? ">=" : ">")} {min.Value}",
            (null, { } max) => $" {(max.Inclusive ? "<=" : "<")} {max.Value}",
            _ => "",
        };
    }
}
