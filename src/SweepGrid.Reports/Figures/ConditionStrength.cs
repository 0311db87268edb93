using System.Text.RegularExpressions;

namespace SweepGrid.Reports.Figures;

/// <summary>
/// Reads an evaluation condition as a family and a strength: <c>fgsm=0.1</c> → (<c>fgsm</c>, 0.1),
/// <c>blur7=0.9</c> → (<c>blur7</c>, 0.9), <c>lowpass5:noise=0.3</c> → (<c>lowpass5:noise</c>, 0.3). A
/// condition without a numeric value (<c>clean</c>, <c>deformed</c>, <c>ood=noise</c>) has no strength.
/// Per-epoch conditions (<c>epoch3:…</c>, see <see cref="EpochCondition"/>) are not strengths.
/// </summary>
internal static partial class ConditionStrength
{
    /// <summary>Kinds whose strength 0 (1 for a brightness factor) leaves the images unchanged, so clean is their first point.</summary>
    private static readonly Dictionary<string, double> Identity = new(StringComparer.Ordinal)
    {
        ["brightness"] = 1,
        ["blur"] = 0,
        ["noise"] = 0,
        ["fgsm"] = 0,
        ["pgd"] = 0,
    };

    public static bool TryParse(string condition, out string family, out double strength)
    {
        family = "";
        strength = 0;
        var equals = condition.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || EpochCondition.TryParse(condition, out _, out _)
            || !ValueFormat.TryParseNumber(condition[(equals + 1)..], out strength))
        {
            return false;
        }

        family = condition[..equals];
        return true;
    }

    /// <summary>
    /// The clean condition a family's curve starts from, with its strength: <c>clean</c> (or <c>lowpass5:clean</c>
    /// for a pre-processed family) at 0 for blur, noise, FGSM and PGD and at 1 for brightness; null for other kinds.
    /// </summary>
    public static (string Condition, double Strength)? Start(string family)
    {
        var colon = family.LastIndexOf(':');
        var prefix = colon < 0 ? "" : family[..(colon + 1)];
        var kind = Kind(family);
        return Identity.TryGetValue(kind, out var strength) ? (prefix + "clean", strength) : null;
    }

    /// <summary>The x-axis label of a family: <c>fgsm ε</c>, <c>brightness factor</c>, <c>blur7 σ</c>, else <c>&lt;family&gt; value</c>.</summary>
    public static string AxisLabel(string family) => Kind(family) switch
    {
        "fgsm" or "pgd" => $"{family} ε (L∞ budget)",
        "brightness" => $"{family} factor",
        "blur" or "noise" => $"{family} σ",
        "pixel" => $"{family} (pixels changed)",
        _ => $"{family} value",
    };

    /// <summary>
    /// The family a condition belongs to for grouping in charts: the condition up to <c>=</c>; the whole
    /// name for <c>deformed</c>-like conditions; <c>ood</c> for <c>ood=…</c>; empty for clean (which joins every family).
    /// </summary>
    public static string FamilyOf(string condition)
    {
        if (IsClean(condition))
        {
            return "";
        }

        var equals = condition.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? condition : condition[..equals];
    }

    /// <summary>The families of <paramref name="conditions"/> in first-seen order; <c>[""]</c> when every condition is clean.</summary>
    public static IReadOnlyList<string> Families(IEnumerable<string> conditions)
    {
        var families = conditions.Select(FamilyOf).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return families.Count > 0 ? families : [""];
    }

    /// <summary>True when a chart of <paramref name="family"/> shows <paramref name="condition"/>: a member or its reference.</summary>
    public static bool Belongs(string condition, string family) =>
        family.Length == 0 || string.Equals(FamilyOf(condition), family, StringComparison.Ordinal) || IsReferenceFor(condition, family);

    /// <summary>
    /// True when <paramref name="condition"/> is the reference drawn beside <paramref name="family"/>: <c>clean</c>
    /// for an unprefixed family, <c>lowpass5:clean</c> for a <c>lowpass5:</c> family.
    /// </summary>
    public static bool IsReferenceFor(string condition, string family)
    {
        if (!IsClean(condition))
        {
            return false;
        }

        var prefix = condition[..^"clean".Length];
        var familyColon = family.LastIndexOf(':');
        var familyPrefix = familyColon < 0 ? "" : family[..(familyColon + 1)];
        return string.Equals(prefix, familyPrefix, StringComparison.Ordinal);
    }

    private static bool IsClean(string condition) =>
        condition is "clean" || (condition.EndsWith(":clean", StringComparison.Ordinal) && !EpochCondition.TryParse(condition, out _, out _));

    /// <summary>The kind without prefix and kernel/step suffix: <c>lowpass5:blur7</c> → <c>blur</c>.</summary>
    private static string Kind(string family)
    {
        var name = family[(family.LastIndexOf(':') + 1)..];
        return TrailingDigits().Replace(name, "");
    }

    [GeneratedRegex(@"\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDigits();
}
