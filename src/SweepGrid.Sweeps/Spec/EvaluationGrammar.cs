using System.Globalization;
using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Values;

namespace SweepGrid.Sweeps.Spec;

/// <summary>
/// The evaluation-entry language of docs/science.md §4, checked and written in canonical form (lower
/// case, numbers in shortest round-trip form, default kernel sizes and step counts dropped), so
/// that <c>brightness=0.80</c>, <c>brightness=4/5</c> and <c>Brightness=0.8</c> are one condition.
/// </summary>
internal static class EvaluationGrammar
{
    public const string Forms =
        "clean, deformed, brightness=f (f > 0), noise=s (s > 0), blur=s or blurK=s (s > 0, K odd), fgsm=e or pgd=e or pgdN=e (0 <= e <= 1), "
        + "lowpassK:<condition> (K = 3, 5, 7), ece, ts, regimes, gradients, pixel=n (n = 1, 2, 3), ood=<set>";

    /// <summary>OOD sets besides the catalog datasets.</summary>
    public static readonly IReadOnlyList<string> SyntheticOodSets = ["noise", "gaussian"];

    private const int DefaultBlurKernel = 5;
    private const int DefaultPgdSteps = 40;

    /// <summary>The canonical form of <paramref name="entry"/>, or null with the reason in <paramref name="error"/>.</summary>
    public static string? Canonical(string entry, out string error)
    {
        error = "";
        var text = entry.Trim().ToLowerInvariant();
        if (text is "ece" or "ts" or "regimes" or "gradients")
        {
            return text;
        }
        if (text.StartsWith("lowpass", StringComparison.Ordinal))
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var size = colon < 0 ? "" : text[7..colon];
            if (size is not ("3" or "5" or "7"))
            {
                error = $"'{entry.Trim()}' is not an evaluation entry: lowpass needs a filter size 3, 5 or 7 and a condition, e.g. lowpass5:fgsm=0.1";
                return null;
            }
            var inner = Condition(text[(colon + 1)..], out error);
            return inner is null ? null : $"lowpass{size}:{inner}";
        }
        if (text.StartsWith("pixel=", StringComparison.Ordinal))
        {
            if (text[6..] is "1" or "2" or "3")
            {
                return text;
            }
            error = $"'{entry.Trim()}': pixel needs n = 1, 2 or 3";
            return null;
        }
        if (text.StartsWith("ood=", StringComparison.Ordinal))
        {
            var set = text[4..];
            if (SyntheticOodSets.Contains(set) || SettingCatalog.Datasets.Contains(set))
            {
                return text;
            }
            error = $"'{entry.Trim()}': unknown OOD set '{set}'; allowed: {string.Join(", ", SyntheticOodSets.Concat(SettingCatalog.Datasets))}";
            return null;
        }
        return Condition(text, out error);
    }

    private static string? Condition(string text, out string error)
    {
        error = "";
        if (text is "clean" or "deformed")
        {
            return text;
        }
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            error = $"'{text}' is not an evaluation entry; allowed: {Forms}";
            return null;
        }
        var name = text[..equals];
        var argument = text[(equals + 1)..];
        var (family, count) = SplitCount(name);
        var valid = family switch
        {
            "brightness" or "noise" => count is null,
            "blur" => count is null || (count % 2 == 1 && count <= 27),
            "fgsm" => count is null,
            "pgd" => count is null || (count >= 1 && count <= 10000),
            _ => false,
        };
        if (!valid)
        {
            error = $"'{text}' is not an evaluation entry; allowed: {Forms}";
            return null;
        }
        if (!Fraction.TryParse(argument, out var value))
        {
            error = $"'{text}': '{argument}' is not a number";
            return null;
        }
        var inRange = family is "fgsm" or "pgd" ? value.Sign >= 0 && value <= Fraction.One : value.Sign > 0;
        if (!inRange)
        {
            error = $"'{text}': {(family is "fgsm" or "pgd" ? "epsilon must be in [0, 1]" : $"{family} must be > 0")}";
            return null;
        }
        var canonicalName = (family, count) switch
        {
            ("blur", DefaultBlurKernel) or ("pgd", DefaultPgdSteps) or (_, null) => family,
            _ => family + count.Value.ToString(CultureInfo.InvariantCulture),
        };
        return $"{canonicalName}={SettingValue.Format(value.ToDouble())}";
    }

    private static (string Family, int? Count) SplitCount(string name)
    {
        var digits = name.Length;
        while (digits > 0 && char.IsAsciiDigit(name[digits - 1]))
        {
            digits--;
        }
        if (digits == name.Length)
        {
            return (name, null);
        }
        return int.TryParse(name.AsSpan(digits), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? (name[..digits], count)
            : (name, null);
    }
}
