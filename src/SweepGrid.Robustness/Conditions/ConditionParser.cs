using System.Globalization;

namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Reads condition lists such as "clean,brightness=0.8,blur=0.5,fgsm=0.1,pgd=0.1,noise=0.3,deformed". Each
/// entry is a name, or name=value with an invariant-culture number; the parsed conditions print back to
/// canonical names. Errors name the entry, the list and what is allowed.
/// </summary>
/// <remarks>
/// Ranges: brightness factor &gt; 0; blur and noise σ &gt; 0; FGSM and PGD 0 ≤ ε ≤ 1. "blurK=σ" selects an odd
/// kernel size K (default 5), "pgdN=ε" N steps (default 40). PGD takes options after the value, each
/// ";name=value": "alpha" (step size α &gt; 0, default 2.5·ε/N) and "restarts" (1 … 100 runs from random starts,
/// default 1). Seeded conditions (noise, pgd, deformed) get
/// <see cref="ConditionSeed.Derive"/>(trial seed, canonical name).
/// </remarks>
public static class ConditionParser
{
    /// <summary>The accepted forms, for help texts and error messages.</summary>
    public static IReadOnlyList<string> Forms { get; } =
        ["clean", "brightness=<factor>", "blur=<σ>", "blur<K>=<σ>", "noise=<σ>", "fgsm=<ε>", "pgd=<ε>", "pgd<steps>=<ε>", "pgd…=<ε>;alpha=<α>;restarts=<n>", "deformed"];

    /// <summary>Parses a comma-separated list; a condition may appear once.</summary>
    public static IReadOnlyList<IEvaluationCondition> ParseList(string text, ulong trialSeed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var conditions = new List<IEvaluationCondition>();
        foreach (var raw in text.Split(','))
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                throw new InvalidConditionException(raw, $"empty entry in condition list \"{text}\": entries are separated by single commas");
            }
            var condition = Parse(entry, trialSeed, text);
            if (conditions.Any(c => c.Name == condition.Name))
            {
                throw new InvalidConditionException(entry, $"condition \"{condition.Name}\" appears more than once in \"{text}\"");
            }
            conditions.Add(condition);
        }
        return conditions;
    }

    /// <summary>Parses one entry, e.g. "fgsm=0.1".</summary>
    public static IEvaluationCondition Parse(string entry, ulong trialSeed) => Parse(entry, trialSeed, entry);

    private static IEvaluationCondition Parse(string entry, ulong trialSeed, string list)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parts = entry.Trim().Split(';');
        var text = parts[0].Trim();
        var options = ConditionOptions.Read(parts.AsSpan(1), entry, list);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = (equals < 0 ? text : text[..equals]).Trim().ToLowerInvariant();
        var value = equals < 0 ? null : text[(equals + 1)..].Trim();

        IEvaluationCondition condition = name switch
        {
            "clean" => NoValue(new CleanCondition()),
            "deformed" => NoValue(new DeformationCondition(ConditionSeed.Derive(trialSeed, "deformed"))),
            "brightness" => new BrightnessCondition(Number(v => v > 0, "a brightness factor > 0")),
            "noise" => Seeded(sigma => new NoiseCondition(sigma, 0), Number(v => v > 0, "a noise σ > 0")),
            "fgsm" => new FgsmCondition(Epsilon()),
            _ when name.StartsWith("blur", StringComparison.Ordinal) =>
                new BlurCondition(Number(v => v > 0, "a blur σ > 0"), Suffix("blur", k => k % 2 == 1, 5, "an odd kernel size")),
            _ when name.StartsWith("pgd", StringComparison.Ordinal) =>
                Seeded(epsilon => Pgd(epsilon, Suffix("pgd", s => s >= 1, 40, "a step count ≥ 1")), Epsilon()),
            _ => throw Error($"unknown condition \"{name}\""),
        };
        if (options.Count > 0 && condition is not PgdCondition)
        {
            throw Error($"\"{name}\" takes no options (\";{options.Keys.First()}=…\"); only pgd has options: alpha, restarts");
        }
        return condition;

        PgdCondition Pgd(double epsilon, int steps)
        {
            var alpha = options.Number("alpha", v => v > 0 && double.IsFinite(v), "a step size α > 0");
            var restarts = options.Number("restarts", v => v is >= 1 and <= 100 && v == Math.Floor(v), "a whole number of restarts in 1 … 100");
            options.CheckOnly("pgd", "alpha", "restarts");
            return new PgdCondition(epsilon, 0, steps) { StepSize = alpha, Restarts = restarts is double r ? (int)r : 1 };
        }

        IEvaluationCondition NoValue(IEvaluationCondition c) =>
            value is null ? c : throw Error($"\"{name}\" takes no value");

        double Epsilon() => Number(v => v is >= 0 and <= 1, "an ε with 0 ≤ ε ≤ 1");

        double Number(Func<double, bool> valid, string expected)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw Error($"\"{name}\" needs a value: {expected}");
            }
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                throw Error($"\"{value}\" is not a number (expected {expected}, written like 0.25)");
            }
            return valid(number) ? number : throw Error($"{value} is out of range: expected {expected}");
        }

        int Suffix(string prefix, Func<int, bool> valid, int defaultValue, string expected)
        {
            var digits = name[prefix.Length..];
            if (digits.Length == 0)
            {
                return defaultValue;
            }
            if (!digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || !valid(parsed))
            {
                throw Error($"unknown condition \"{name}\" (\"{prefix}<n>\" needs {expected})");
            }
            return parsed;
        }

        // The seed depends on the canonical name, which is only known once the value is parsed. PGD's options
        // stay out of it, so the first run of "pgd=0.3;restarts=5" is exactly "pgd=0.3".
        IEvaluationCondition Seeded(Func<double, IEvaluationCondition> create, double number)
        {
            var unseeded = create(number);
            var seedName = unseeded is PgdCondition plain ? (plain with { StepSize = null, Restarts = 1 }).Name : unseeded.Name;
            var seed = ConditionSeed.Derive(trialSeed, seedName);
            return unseeded switch
            {
                NoiseCondition noise => noise with { Seed = seed },
                PgdCondition pgd => pgd with { Seed = seed },
                _ => unseeded,
            };
        }

        InvalidConditionException Error(string problem) =>
            new(entry, $"{problem} in condition list \"{list}\"; allowed: {string.Join(", ", Forms)}");
    }
}
