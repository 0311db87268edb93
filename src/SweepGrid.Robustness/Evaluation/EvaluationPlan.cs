using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// A trial's evaluation entries, parsed and checked before any training starts. Entries are:
/// <list type="bullet">
/// <item>a condition (<see cref="ConditionParser.Forms"/>: clean, brightness=f, blur=σ, noise=σ, fgsm=ε, pgd=ε, deformed),
/// optionally behind seed 004's low-pass stage: "lowpass5:fgsm=0.1" (kernel 3, 5 or 7, attacked white box),
/// "lowpass5;noise=0.27:fgsm=0.1" (noise added before the filter), "graybox:lowpass5:fgsm=0.1" (the attack
/// sees the bare classifier; its adversarials are then filtered); or behind seed 004's denoising autoencoder,
/// "dae:fgsm=0.1", "graybox:dae;epochs=10:fgsm=0.1" (trained for the trial at evaluation);</item>
/// <item>"ece": calibration on clean test logits (ECE/MCE/RMS over 15 bins, adaptive RMS, NLL);</item>
/// <item>"ts": temperature scaling fitted on the validation split, with before/after figures;</item>
/// <item>"ood=noise", "ood=gaussian" or "ood=&lt;dataset&gt;" (e.g. fashion-mnist): AUROC and FPR@95%TPR of MSP,
/// max logit, entropy and ODIN; ODIN's T and ε as options, "ood=fashion-mnist;epsilon=0.1;temperature=0.33";</item>
/// <item>"regimes": linear/nonlinear/saturated fractions of MLP-T's hidden net inputs;</item>
/// <item>"gradients": input-gradient magnitude per class, its correlation with confidence, zero fraction;</item>
/// <item>"pixel=n": the pixel attack with 1 … n pixels (n ≤ 3);</item>
/// <item>"epochs:&lt;entry&gt;": the entry evaluated after every training epoch, results under "epoch&lt;k&gt;:&lt;condition&gt;".</item>
/// </list>
/// Clean accuracy is always evaluated (Δaccuracy needs it).
/// </summary>
public sealed record EvaluationPlan(
    IReadOnlyList<PlannedCondition> Conditions,
    bool Calibration,
    bool TemperatureScaling,
    IReadOnlyList<OodEntry> OutOfDistribution,
    bool Regimes,
    bool Gradients,
    int PixelAttackMax)
{
    private static readonly string[] OtherForms =
    [
        "ece", "ts", "ood=noise|gaussian|<dataset>[;epsilon=<ε>][;temperature=<T>]", "regimes", "gradients", "pixel=<1-3>",
        "[graybox:]lowpass<3|5|7>[;noise=<σ>]:<condition>", "[graybox:]dae[;epochs=<n>]:<condition>", "epochs:<entry>",
    ];

    /// <summary>The prefix of per-epoch entries; their results are named "epoch&lt;k&gt;:&lt;condition&gt;".</summary>
    public const string PerEpochPrefix = "epochs:";

    /// <summary>Every accepted form, for help texts and errors.</summary>
    public static IReadOnlyList<string> Forms => [.. ConditionParser.Forms, .. OtherForms];

    /// <summary>Entries evaluated after every epoch ("epochs:…"), or null when there are none.</summary>
    public EvaluationPlan? PerEpoch { get; init; }

    /// <exception cref="InvalidConditionException">An entry is unknown, malformed or out of range.</exception>
    public static EvaluationPlan Parse(IEnumerable<string> entries, ulong trialSeed)
    {
        var list = entries.ToList();
        var perEpoch = list.Where(e => e.Trim().StartsWith(PerEpochPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var nested in perEpoch.Where(e => e.Trim()[PerEpochPrefix.Length..].Trim().StartsWith(PerEpochPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid(nested, "\"epochs:\" applies to one entry, not to another \"epochs:\" entry");
        }
        var plan = ParseFinal(list.Where(e => !perEpoch.Contains(e)), trialSeed);
        return perEpoch.Count == 0 ? plan : plan with { PerEpoch = ParseFinal(perEpoch.Select(e => e.Trim()[PerEpochPrefix.Length..]), trialSeed) };
    }

    private static EvaluationPlan ParseFinal(IEnumerable<string> entries, ulong trialSeed)
    {
        var conditions = new List<PlannedCondition> { new(new CleanCondition()) };
        var ood = new List<OodEntry>();
        bool calibration = false, scaling = false, regimes = false, gradients = false;
        var pixels = 0;
        foreach (var raw in entries)
        {
            var entry = raw.Trim().ToLowerInvariant();
            switch (entry)
            {
                case "ece": calibration = true; continue;
                case "ts": scaling = true; continue;
                case "regimes": regimes = true; continue;
                case "gradients": gradients = true; continue;
            }
            if (entry.StartsWith("ood=", StringComparison.Ordinal))
            {
                var set = OutOfDistributionEntry(raw, entry);
                if (ood.Any(o => o.Name == set.Name))
                {
                    throw Invalid(raw, $"it repeats \"{set.Name}\", evaluated once already");
                }
                ood.Add(set);
                continue;
            }
            if (entry.StartsWith("pixel=", StringComparison.Ordinal))
            {
                if (!int.TryParse(entry[6..], System.Globalization.CultureInfo.InvariantCulture, out pixels) || pixels is < 1 or > 3)
                {
                    throw Invalid(raw, "\"pixel=n\" needs n in 1 … 3 (2ⁿ candidates per input)");
                }
                continue;
            }
            var planned = Condition(raw, entry, trialSeed);
            if (conditions.Any(c => c.Name == planned.Name))
            {
                if (planned.Name == "clean")
                {
                    continue;
                }
                throw Invalid(raw, $"it repeats \"{planned.Name}\", evaluated once already");
            }
            conditions.Add(planned);
        }
        return new EvaluationPlan(conditions, calibration, scaling, ood, regimes, gradients, pixels);
    }

    /// <summary>"[threat:][stage:]condition": the segments before the condition are a threat model and a low-pass stage.</summary>
    private static PlannedCondition Condition(string raw, string entry, ulong trialSeed)
    {
        var segments = entry.Split(':');
        if (segments.Length > 3)
        {
            throw Invalid(raw, "an entry has at most a threat model, a stage and a condition, e.g. graybox:lowpass5:fgsm=0.1");
        }
        var threat = ThreatModel.WhiteBox;
        var first = 0;
        if (segments.Length > 1 && segments[0] is "graybox" or "whitebox")
        {
            threat = segments[0] == "graybox" ? ThreatModel.GrayBox : ThreatModel.WhiteBox;
            first = 1;
            if (segments.Length != 3)
            {
                throw Invalid(raw, $"a threat model (\"{segments[0]}:\") needs a pre-processing stage after it, e.g. {segments[0]}:lowpass5:fgsm=0.1");
            }
        }
        IPreprocessingStage? stage = null;
        if (segments.Length - first == 2)
        {
            stage = Stage(raw, segments[first], threat);
        }
        else if (segments.Length - first != 1)
        {
            throw Invalid(raw, "the segment before the condition must be a stage such as lowpass5 or dae (or a threat model graybox, whitebox before a stage)");
        }
        IEvaluationCondition condition;
        try
        {
            condition = ConditionParser.Parse(segments[^1], trialSeed);
        }
        catch (InvalidConditionException e)
        {
            // The condition parser sees only the part after the stage and knows only conditions: name the entry
            // as written and the evaluation forms it does not list.
            throw new InvalidConditionException(raw, $"evaluation entry \"{raw}\": {e.Message}; evaluation entries also accept: {string.Join(", ", OtherForms)}");
        }
        var planned = new PlannedCondition(condition, stage);
        if (threat == ThreatModel.GrayBox && !planned.IsAttack)
        {
            // "graybox:lowpass5:noise=0.3" would be a second name for "lowpass5:noise=0.3": every condition has one name.
            throw Invalid(raw, "a threat model applies to attacks (fgsm, pgd) only: other conditions do not look at the model");
        }
        return planned;
    }

    private static IPreprocessingStage Stage(string raw, string segment, ThreatModel threat)
    {
        var parts = segment.Split(';');
        if (parts[0] == "dae")
        {
            var daeOptions = ConditionOptions.Read(parts.AsSpan(1), raw, raw);
            var epochs = daeOptions.Number("epochs", v => v is >= 1 and <= 1000 && v == Math.Floor(v), "a whole number of autoencoder epochs in 1 … 1000");
            daeOptions.CheckOnly("dae", "epochs");
            return new DenoiserStage(epochs is double e ? (int)e : DenoiserStage.DefaultEpochs, threat);
        }
        if (!parts[0].StartsWith("lowpass", StringComparison.Ordinal)
            || !int.TryParse(parts[0][7..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) || k is not (3 or 5 or 7))
        {
            throw Invalid(raw, "a stage is \"lowpass<3|5|7>[;noise=<σ>]\" or \"dae[;epochs=<n>]\", e.g. lowpass5:fgsm=0.1, dae:fgsm=0.1");
        }
        var options = ConditionOptions.Read(parts.AsSpan(1), raw, raw);
        var noise = options.Number("noise", v => v > 0 && double.IsFinite(v), "a noise σ > 0 added before the filter");
        options.CheckOnly($"lowpass{k}", "noise");
        return new LowPassStage(k, noise ?? 0, threat);
    }

    private static OodEntry OutOfDistributionEntry(string raw, string entry)
    {
        var parts = entry.Split(';');
        var set = parts[0][4..].Trim();
        if (set.Length == 0)
        {
            throw Invalid(raw, "\"ood=\" needs one set name (noise, gaussian or a dataset such as fashion-mnist)");
        }
        var options = ConditionOptions.Read(parts.AsSpan(1), raw, raw);
        var epsilon = options.Number("epsilon", v => v is >= 0 and <= 1, "an ODIN perturbation ε with 0 ≤ ε ≤ 1");
        var temperature = options.Number("temperature", v => v > 0 && double.IsFinite(v), "an ODIN temperature T > 0");
        options.CheckOnly("ood", "epsilon", "temperature");
        return new OodEntry(set, temperature ?? Odin.DefaultTemperature, epsilon ?? Odin.DefaultEpsilon);
    }

    /// <summary>The name results are keyed by: the condition's, prefixed by its low-pass stage (white box).</summary>
    public static string ConditionName(IEvaluationCondition condition, int? lowPassKernel) =>
        new PlannedCondition(condition, lowPassKernel is int k ? new LowPassStage(k) : null).Name;

    private static InvalidConditionException Invalid(string entry, string problem) =>
        new(entry, $"evaluation entry \"{entry}\": {problem}; allowed: {string.Join(", ", Forms)}");
}
