using System.Globalization;
using System.Numerics;

namespace SweepGrid.Sweeps.Values;

/// <summary>
/// An exact rational number. Spec numbers are read exactly (<c>0.1</c> is 1/10, <c>1/64</c> is 1/64) so
/// that ranges such as 1/64 … 16 by factor 2 or 0.1 … 0.5 by 0.1 hit their end points exactly and
/// have a predictable count; values become doubles only when a trial is built.
/// </summary>
internal readonly record struct Fraction : IComparable<Fraction>
{
    private static readonly BigInteger ExactDoubleLimit = BigInteger.Pow(2, 53);

    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsZero && !gcd.IsOne)
        {
            numerator /= gcd;
            denominator /= gcd;
        }
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public bool IsInteger => Denominator.IsOne;

    public int Sign => Numerator.Sign;

    public static Fraction Zero => new(BigInteger.Zero, BigInteger.One);

    public static Fraction One => new(BigInteger.One, BigInteger.One);

    public static Fraction FromInteger(long value) => new(value, BigInteger.One);

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>
    /// This value, or its nearest value with <paramref name="digits"/> significant decimal digits once its
    /// numerator or denominator has outgrown 64 bits. A geometric range multiplies exactly, so a factor such as
    /// 1.0001 adds digits at every step; thousands of steps would make numbers of tens of thousands of digits
    /// (minutes of arithmetic) that a trial, which uses doubles, cannot tell apart anyway.
    /// </summary>
    public Fraction Bounded(int digits = 20)
    {
        if (Numerator.GetBitLength() <= 64 && Denominator.GetBitLength() <= 64)
        {
            return this;
        }
        var magnitude = (int)Math.Floor(BigInteger.Log10(BigInteger.Abs(Numerator)) - BigInteger.Log10(Denominator));
        var power = digits - 1 - magnitude;
        var scaledNumerator = power >= 0 ? Numerator * BigInteger.Pow(10, power) : Numerator;
        var scaledDenominator = power >= 0 ? Denominator : Denominator * BigInteger.Pow(10, -power);
        var rounded = BigInteger.Divide((2 * scaledNumerator) + (Sign * scaledDenominator), 2 * scaledDenominator);
        return power >= 0 ? new Fraction(rounded, BigInteger.Pow(10, power)) : new Fraction(rounded * BigInteger.Pow(10, -power), BigInteger.One);
    }

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public int CompareTo(Fraction other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>The nearest double (exact for dyadic fractions such as 1/64).</summary>
    public double ToDouble()
    {
        if (BigInteger.Abs(Numerator) < ExactDoubleLimit && Denominator < ExactDoubleLimit)
        {
            // Both operands are exact doubles, so IEEE division rounds the quotient correctly.
            return (double)Numerator / (double)Denominator;
        }
        return double.Parse(ToDecimalString(40), CultureInfo.InvariantCulture);
    }

    private string ToDecimalString(int digits)
    {
        var scaled = BigInteger.Divide(Numerator * BigInteger.Pow(10, digits), Denominator);
        return scaled.ToString(CultureInfo.InvariantCulture) + "e-" + digits.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads a number literal: an integer, a decimal with optional exponent (<c>1e-3</c>, <c>.5</c>), or
    /// a fraction of two such literals (<c>1/64</c>). Infinity, NaN and hexadecimal are refused.
    /// </summary>
    public static bool TryParse(string text, out Fraction value)
    {
        value = Zero;
        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return TryParseDecimal(text, out value);
        }
        if (!TryParseDecimal(text[..slash].Trim(), out var numerator)
            || !TryParseDecimal(text[(slash + 1)..].Trim(), out var denominator)
            || denominator.Sign == 0)
        {
            return false;
        }
        value = new Fraction(numerator.Numerator * denominator.Denominator, numerator.Denominator * denominator.Numerator);
        return true;
    }

    private static bool TryParseDecimal(string text, out Fraction value)
    {
        value = Zero;
        if (text.Length == 0 || text.Length > 64)
        {
            return false;
        }
        var i = 0;
        var negative = false;
        if (text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var mantissa = BigInteger.Zero;
        var scale = 0;
        var digits = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++)
        {
            mantissa = mantissa * 10 + (text[i] - '0');
        }
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++, scale++)
            {
                mantissa = mantissa * 10 + (text[i] - '0');
            }
        }
        if (digits == 0)
        {
            return false;
        }
        var exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            if (!int.TryParse(text.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > 400)
            {
                return false;
            }
            i = text.Length;
        }
        if (i != text.Length)
        {
            return false;
        }
        var power = exponent - scale;
        var numerator = negative ? -mantissa : mantissa;
        value = power >= 0
            ? new Fraction(numerator * BigInteger.Pow(10, power), BigInteger.One)
            : new Fraction(numerator, BigInteger.Pow(10, -power));
        return true;
    }

    public override string ToString() =>
        IsInteger
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
