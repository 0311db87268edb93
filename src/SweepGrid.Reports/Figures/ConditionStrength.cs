using System.Text.RegularExpressions;

namespace SweepGrid.Reports.Figures;

/// <summary>
/// Reads an evaluation condition as a family and a strength: <c>fgsm=0.1</c> → (<c>fgsm</c>, 0.1),
/// <c>blur7=0.9</c> → (<c>blur7</c>, 0.9), <c>lowpass5:noise=0.3</c> → (<c>lowpass5:noise</c>, 0.3),
/// <c>graybox:lowpass5;noise=0.1:fgsm=0.2</c> → (<c>graybox:lowpass5;noise=0.1:fgsm</c>, 0.2) and
/// <c>pgd10=0.3;restarts=5</c> → (<c>pgd10;restarts=5</c>, 0.3): the stage prefix (up to the last colon) and the
/// attack's options stay in the family, the number after <c>=</c> is the strength. A condition without a numeric
/// value (<c>clean</c>, <c>deformed</c>, <c>ood=noise</c>) has no strength. Per-epoch conditions (<c>epoch3:…</c>,
/// see <see cref="EpochCondition"/>) are not strengths.
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
        if (EpochCondition.TryParse(condition, out _, out _) || !TrySplit(condition, out var name, out var value, out var options)
            || !ValueFormat.TryParseNumber(value, out strength))
        {
            return false;
        }

        family = name + options;
        return true;
    }

    /// <summary>
    /// <c>prefix:name=value;options</c> → (<c>prefix:name</c>, <c>value</c>, <c>;options</c>); false without <c>=</c>
    /// after the stage prefix.
    /// </summary>
    private static bool TrySplit(string condition, out string name, out string value, out string options)
    {
        var colon = condition.LastIndexOf(':');
        var equals = condition.IndexOf('=', colon + 1);
        name = value = options = "";
        if (equals < 0)
        {
            return false;
        }
        var semicolon = condition.IndexOf(';', equals);
        name = condition[..equals];
        value = semicolon < 0 ? condition[(equals + 1)..] : condition[(equals + 1)..semicolon];
        options = semicolon < 0 ? "" : condition[semicolon..];
        return true;
    }

    /// <summary>
    /// The clean condition a family's curve starts from, with its strength: <c>clean</c> (or <c>lowpass5:clean</c>
    /// for a pre-processed family) at 0 for blur, noise, FGSM and PGD and at 1 for brightness; null for other kinds.
    /// </summary>
    public static (string Condition, double Strength)? Start(string family)
    {
        var kind = Kind(family);
        return Identity.TryGetValue(kind, out var strength) ? (ReferencePrefix(family) + "clean", strength) : null;
    }

    /// <summary>
    /// The stage prefix of a family's clean reference: the family's prefix without its threat model, since an attack
    /// strength of 0 is the pre-processed clean image whoever computes the gradient (<c>graybox:lowpass5:fgsm</c> →
    /// <c>lowpass5:</c>).
    /// </summary>
    private static string ReferencePrefix(string family)
    {
        var colon = family.LastIndexOf(':');
        var prefix = colon < 0 ? "" : family[..(colon + 1)];
        foreach (var threat in (string[])["graybox:", "whitebox:"])
        {
            if (prefix.StartsWith(threat, StringComparison.Ordinal))
            {
                return prefix[threat.Length..];
            }
        }
        return prefix;
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

        if (!TrySplit(condition, out var name, out var value, out var options))
        {
            return condition;
        }
        // Attack options belong to the family (pgd10;restarts=5 is its own curve); an OOD set's options do not
        // make a curve of strengths, so ood=… stays one family.
        return ValueFormat.TryParseNumber(value, out _) ? name + options : name;
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
        return string.Equals(prefix, ReferencePrefix(family), StringComparison.Ordinal);
    }

    private static bool IsClean(string condition) =>
        condition is "clean" || (condition.EndsWith(":clean", StringComparison.Ordinal) && !EpochCondition.TryParse(condition, out _, out _));

    /// <summary>The kind without prefix, options and kernel/step suffix: <c>lowpass5:blur7</c> → <c>blur</c>, <c>pgd10;restarts=5</c> → <c>pgd</c>.</summary>
    private static string Kind(string family)
    {
        var name = family[(family.LastIndexOf(':') + 1)..];
        var semicolon = name.IndexOf(';', StringComparison.Ordinal);
        return TrailingDigits().Replace(semicolon < 0 ? name : name[..semicolon], "");
    }

    [GeneratedRegex(@"\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDigits();
}
