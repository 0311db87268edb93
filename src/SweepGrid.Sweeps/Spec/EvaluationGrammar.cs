using System.Globalization;
using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Values;

namespace SweepGrid.Sweeps.Spec;

/// <summary>
/// The evaluation-entry language of docs/science.md §6, checked and written in canonical form (lower
/// case, numbers in shortest round-trip form, defaults dropped, options in alphabetical order), so that
/// <c>brightness=0.80</c>, <c>brightness=4/5</c> and <c>Brightness=0.8</c> are one condition and every
/// condition has exactly one name in the results.
/// </summary>
/// <remarks>
/// <code>
/// entry     := "epochs:" final | final
/// final     := [threat ":"] stage ":" condition | condition | "ece" | "ts" | "regimes" | "gradients"
///            | "pixel=" n | "ood=" set [";epsilon=" ε] [";temperature=" T]
/// threat    := "graybox" | "whitebox"            (whitebox is the default and is dropped; attacks only)
/// stage     := "lowpass" K [";noise=" σ] | "dae" [";epochs=" n]   (K = 3, 5, 7; n = 1 … 1000, default 5)
/// condition := clean | deformed | brightness=f | noise=σ | blur[K]=σ | fgsm=ε | pgd[N]=ε [";alpha=" α] [";restarts=" R]
/// </code>
/// </remarks>
internal static class EvaluationGrammar
{
    public const string Forms =
        "clean, deformed, brightness=f (f > 0), noise=s (s > 0), blur=s or blurK=s (s > 0, K odd), fgsm=e, "
        + "pgd=e or pgdN=e (0 <= e <= 1) with options ;alpha=a (a > 0) and ;restarts=R (1 to 100), "
        + "lowpassK:<condition> or lowpassK;noise=s:<condition> (K = 3, 5, 7), dae:<condition> or dae;epochs=n:<condition>, graybox:<stage>:<attack>, "
        + "ece, ts, regimes, gradients, pixel=n (n = 1, 2, 3), ood=<set> with options ;epsilon=e and ;temperature=T (ODIN), "
        + "epochs:<entry> (after every training epoch)";

    /// <summary>OOD sets besides the catalog datasets.</summary>
    public static readonly IReadOnlyList<string> SyntheticOodSets = ["noise", "gaussian"];

    private const string PerEpochPrefix = "epochs:";
    private const int DefaultBlurKernel = 5;
    private const int DefaultPgdSteps = 40;
    private const double PgdStepFactor = 2.5;
    private const double DefaultOdinTemperature = 1000;
    private const double DefaultOdinEpsilon = 0.0014;
    private const int DefaultDenoiserEpochs = 5;

    /// <summary>The canonical form of <paramref name="entry"/>, or null with the reason in <paramref name="error"/>.</summary>
    public static string? Canonical(string entry, out string error)
    {
        var text = entry.Trim().ToLowerInvariant();
        if (!text.StartsWith(PerEpochPrefix, StringComparison.Ordinal))
        {
            return Final(text, entry.Trim(), out error);
        }
        var inner = text[PerEpochPrefix.Length..].Trim();
        if (inner.StartsWith(PerEpochPrefix, StringComparison.Ordinal))
        {
            error = $"'{entry.Trim()}': epochs: applies to one entry, not to another epochs: entry";
            return null;
        }
        var canonical = Final(inner, entry.Trim(), out error);
        return canonical is null ? null : PerEpochPrefix + canonical;
    }

    /// <summary>The OOD set of a canonical <c>ood=</c> entry (options removed), or null for other entries.</summary>
    public static string? OodSet(string canonical)
    {
        var text = canonical.StartsWith(PerEpochPrefix, StringComparison.Ordinal) ? canonical[PerEpochPrefix.Length..] : canonical;
        return text.StartsWith("ood=", StringComparison.Ordinal) ? text[4..].Split(';')[0] : null;
    }

    private static string? Final(string text, string written, out string error)
    {
        error = "";
        if (text is "ece" or "ts" or "regimes" or "gradients")
        {
            return text;
        }
        if (text.StartsWith("pixel=", StringComparison.Ordinal))
        {
            if (text[6..] is "1" or "2" or "3")
            {
                return text;
            }
            error = $"'{written}': pixel needs n = 1, 2 or 3";
            return null;
        }
        if (text.StartsWith("ood=", StringComparison.Ordinal))
        {
            return Ood(text, written, out error);
        }
        var segments = text.Split(':');
        if (segments.Length == 1)
        {
            return Condition(text, out error, out _);
        }
        var threat = "";
        var stageIndex = 0;
        if (segments[0] is "graybox" or "whitebox")
        {
            threat = segments[0] == "graybox" ? "graybox:" : "";
            stageIndex = 1;
        }
        if (segments.Length != stageIndex + 2)
        {
            error = $"'{written}' is not an evaluation entry: write [graybox:]<stage>:<condition> with a stage lowpassK[;noise=s] or dae[;epochs=n], e.g. graybox:lowpass5:fgsm=0.1; allowed: {Forms}";
            return null;
        }
        var stage = Stage(segments[stageIndex], written, out error);
        if (stage is null)
        {
            return null;
        }
        var inner = Condition(segments[^1], out error, out var family);
        if (inner is null)
        {
            return null;
        }
        if (threat.Length > 0 && family is not ("fgsm" or "pgd"))
        {
            error = $"'{written}': a threat model applies to attacks (fgsm, pgd) only; other conditions do not look at the model";
            return null;
        }
        return $"{threat}{stage}:{inner}";
    }

    private static string? Stage(string text, string written, out string error)
    {
        error = "";
        var parts = text.Split(';');
        if (parts[0] == "dae")
        {
            var daeOptions = Options(parts, written, ["epochs"], out error);
            if (daeOptions is null)
            {
                return null;
            }
            if (!daeOptions.TryGetValue("epochs", out var epochs))
            {
                return "dae";
            }
            if (!epochs.IsInteger || epochs.ToDouble() is < 1 or > 1000)
            {
                error = $"'{written}': the autoencoder's epochs must be a whole number from 1 to 1000";
                return null;
            }
            return epochs.ToDouble() == DefaultDenoiserEpochs ? "dae" : "dae;epochs=" + SettingValue.Format(epochs.ToDouble());
        }
        var size = parts[0].StartsWith("lowpass", StringComparison.Ordinal) ? parts[0][7..] : "";
        if (size is not ("3" or "5" or "7"))
        {
            error = $"'{written}' is not an evaluation entry: a stage is lowpass3, lowpass5 or lowpass7 (option ;noise=s) or dae (option ;epochs=n), followed by a condition, e.g. lowpass5:fgsm=0.1";
            return null;
        }
        var options = Options(parts, written, ["noise"], out error);
        if (options is null)
        {
            return null;
        }
        var noise = "";
        if (options.TryGetValue("noise", out var sigma))
        {
            if (sigma.Sign <= 0)
            {
                error = $"'{written}': the noise before the filter must be > 0";
                return null;
            }
            noise = ";noise=" + SettingValue.Format(sigma.ToDouble());
        }
        return $"lowpass{size}{noise}";
    }

    private static string? Ood(string text, string written, out string error)
    {
        var parts = text.Split(';');
        var set = parts[0][4..];
        if (!SyntheticOodSets.Contains(set) && !SettingCatalog.Datasets.Contains(set))
        {
            error = $"'{written}': unknown OOD set '{set}'; allowed: {string.Join(", ", SyntheticOodSets.Concat(SettingCatalog.Datasets))}";
            return null;
        }
        var options = Options(parts, written, ["epsilon", "temperature"], out error);
        if (options is null)
        {
            return null;
        }
        var name = "ood=" + set;
        if (options.TryGetValue("epsilon", out var epsilon))
        {
            if (epsilon.Sign < 0 || epsilon > Fraction.One)
            {
                error = $"'{written}': the ODIN epsilon must be in [0, 1]";
                return null;
            }
            name += epsilon.ToDouble() == DefaultOdinEpsilon ? "" : ";epsilon=" + SettingValue.Format(epsilon.ToDouble());
        }
        if (options.TryGetValue("temperature", out var temperature))
        {
            if (temperature.Sign <= 0)
            {
                error = $"'{written}': the ODIN temperature must be > 0";
                return null;
            }
            name += temperature.ToDouble() == DefaultOdinTemperature ? "" : ";temperature=" + SettingValue.Format(temperature.ToDouble());
        }
        return name;
    }

    private static string? Condition(string text, out string error, out string family)
    {
        error = "";
        family = text;
        var parts = text.Split(';');
        var head = parts[0];
        if (head is "clean" or "deformed")
        {
            return parts.Length == 1 ? head : Refuse($"'{text}': {head} takes no options", out error);
        }
        var equals = head.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return Refuse($"'{text}' is not an evaluation entry; allowed: {Forms}", out error);
        }
        var name = head[..equals];
        var argument = head[(equals + 1)..];
        (family, var count) = SplitCount(name);
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
            return Refuse($"'{text}' is not an evaluation entry; allowed: {Forms}", out error);
        }
        if (!Fraction.TryParse(argument, out var value))
        {
            return Refuse($"'{text}': '{argument}' is not a number", out error);
        }
        var inRange = family is "fgsm" or "pgd" ? value.Sign >= 0 && value <= Fraction.One : value.Sign > 0;
        if (!inRange)
        {
            return Refuse($"'{text}': {(family is "fgsm" or "pgd" ? "epsilon must be in [0, 1]" : $"{family} must be > 0")}", out error);
        }
        var canonicalName = (family, count) switch
        {
            ("blur", DefaultBlurKernel) or ("pgd", DefaultPgdSteps) or (_, null) => family,
            _ => family + count.Value.ToString(CultureInfo.InvariantCulture),
        };
        var canonical = $"{canonicalName}={SettingValue.Format(value.ToDouble())}";
        if (parts.Length == 1)
        {
            return canonical;
        }
        if (family != "pgd")
        {
            return Refuse($"'{text}': {family} takes no options; only pgd has options (alpha, restarts)", out error);
        }
        var options = Options(parts, text, ["alpha", "restarts"], out error);
        if (options is null)
        {
            return null;
        }
        if (options.TryGetValue("alpha", out var alpha))
        {
            if (alpha.Sign <= 0)
            {
                return Refuse($"'{text}': the PGD step alpha must be > 0", out error);
            }
            var steps = count ?? DefaultPgdSteps;
            var defaultAlpha = PgdStepFactor * value.ToDouble() / steps;
            var written = SettingValue.Format(alpha.ToDouble());
            canonical += written == SettingValue.Format(defaultAlpha) ? "" : ";alpha=" + written;
        }
        if (options.TryGetValue("restarts", out var restarts))
        {
            if (!restarts.IsInteger || restarts.ToDouble() is < 1 or > 100)
            {
                return Refuse($"'{text}': restarts must be a whole number from 1 to 100", out error);
            }
            canonical += restarts.ToDouble() == 1 ? "" : ";restarts=" + SettingValue.Format(restarts.ToDouble());
        }
        return canonical;
    }

    /// <summary>The ";name=value" options after the first part, each a number and given once, or null with the error.</summary>
    private static Dictionary<string, Fraction>? Options(string[] parts, string written, string[] allowed, out string error)
    {
        error = "";
        var options = new Dictionary<string, Fraction>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            if (!allowed.Contains(name))
            {
                return Refuse<Dictionary<string, Fraction>>($"'{written}': unknown option '{name}'; allowed: {string.Join(", ", allowed)}", out error);
            }
            if (equals < 0 || !Fraction.TryParse(part[(equals + 1)..], out var value))
            {
                return Refuse<Dictionary<string, Fraction>>($"'{written}': option '{name}' needs a number, e.g. {name}=0.1", out error);
            }
            if (!options.TryAdd(name, value))
            {
                return Refuse<Dictionary<string, Fraction>>($"'{written}': option '{name}' is given twice", out error);
            }
        }
        return options;
    }

    private static T? Refuse<T>(string message, out string error) where T : class
    {
        error = message;
        return null;
    }

    private static string? Refuse(string message, out string error) => Refuse<string>(message, out error);

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
