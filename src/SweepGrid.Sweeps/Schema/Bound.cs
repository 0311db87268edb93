using SweepGrid.Sweeps.Values;

namespace SweepGrid.Sweeps.Schema;

/// <summary>One end of an allowed interval.</summary>
internal readonly record struct Bound(Fraction Value, bool Inclusive)
{
    public static Bound AtLeast(long value) => new(Fraction.FromInteger(value), true);

    public static Bound Above(long value) => new(Fraction.FromInteger(value), false);

    public static Bound AtMost(long value) => new(Fraction.FromInteger(value), true);

    public static Bound Below(long value) => new(Fraction.FromInteger(value), false);
}
