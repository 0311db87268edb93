using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// A trial's evaluation entries, parsed and checked before any training starts. Entries are:
/// <list type="bullet">
/// <item>a condition (<see cref="ConditionParser.Forms"/>: clean, brightness=f, blur=σ, noise=σ, fgsm=ε, pgd=ε, deformed),
/// optionally behind seed 004's low-pass stage: "lowpass5:fgsm=0.1" (kernel 3, 5 or 7);</item>
/// <item>"ece": calibration on clean test logits (ECE/MCE/RMS over 15 bins, adaptive RMS, NLL);</item>
/// <item>"ts": temperature scaling fitted on the validation split, with before/after figures;</item>
/// <item>"ood=noise", "ood=gaussian" or "ood=&lt;dataset&gt;" (e.g. fashion-mnist): AUROC and FPR@95%TPR of MSP,
/// max logit, entropy and ODIN;</item>
/// <item>"regimes": linear/nonlinear/saturated fractions of MLP-T's hidden net inputs;</item>
/// <item>"gradients": input-gradient magnitude per class, its correlation with confidence, zero fraction;</item>
/// <item>"pixel=n": the pixel attack with 1 … n pixels (n ≤ 3).</item>
/// </list>
/// Clean accuracy is always evaluated (Δaccuracy needs it).
/// </summary>
public sealed record EvaluationPlan(
    IReadOnlyList<(IEvaluationCondition Condition, int? LowPassKernel)> Conditions,
    bool Calibration,
    bool TemperatureScaling,
    IReadOnlyList<string> OutOfDistribution,
    bool Regimes,
    bool Gradients,
    int PixelAttackMax)
{
    private static readonly string[] OtherForms = ["ece", "ts", "ood=noise|gaussian|<dataset>", "regimes", "gradients", "pixel=<1-3>", "lowpass<3|5|7>:<condition>"];

    /// <summary>Every accepted form, for help texts and errors.</summary>
    public static IReadOnlyList<string> Forms => [.. ConditionParser.Forms, .. OtherForms];

    /// <exception cref="InvalidConditionException">An entry is unknown, malformed or out of range.</exception>
    public static EvaluationPlan Parse(IEnumerable<string> entries, ulong trialSeed)
    {
        var conditions = new List<(IEvaluationCondition, int?)> { (new CleanCondition(), null) };
        var ood = new List<string>();
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
                var set = entry[4..];
                if (set.Length == 0 || ood.Contains(set))
                {
                    throw Invalid(raw, "\"ood=\" needs one set name (noise, gaussian or a dataset such as fashion-mnist), each at most once");
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
            int? kernel = null;
            var conditionText = entry;
            if (entry.StartsWith("lowpass", StringComparison.Ordinal))
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !int.TryParse(entry[7..colon], System.Globalization.CultureInfo.InvariantCulture, out var k) || k is not (3 or 5 or 7))
                {
                    throw Invalid(raw, "a low-pass entry is \"lowpass<3|5|7>:<condition>\", e.g. lowpass5:fgsm=0.1");
                }
                kernel = k;
                conditionText = entry[(colon + 1)..];
            }
            IEvaluationCondition condition;
            try
            {
                condition = ConditionParser.Parse(conditionText, trialSeed);
            }
            catch (InvalidConditionException e)
            {
                // The condition parser sees only the part after "lowpassK:" and knows only conditions: name
                // the entry as written and the evaluation forms it does not list.
                throw new InvalidConditionException(raw, $"evaluation entry \"{raw}\": {e.Message}; evaluation entries also accept: {string.Join(", ", OtherForms)}");
            }
            if (conditions.Any(c => c.Item1.Name == condition.Name && c.Item2 == kernel))
            {
                if (condition is CleanCondition && kernel is null)
                {
                    continue;
                }
                throw Invalid(raw, $"it repeats \"{ConditionName(condition, kernel)}\", evaluated once already");
            }
            conditions.Add((condition, kernel));
        }
        return new EvaluationPlan(conditions, calibration, scaling, ood, regimes, gradients, pixels);
    }

    /// <summary>The name results are keyed by: the condition's, prefixed by its pre-processing stage.</summary>
    public static string ConditionName(IEvaluationCondition condition, int? lowPassKernel) =>
        lowPassKernel is int k ? $"lowpass{k}:{condition.Name}" : condition.Name;

    private static InvalidConditionException Invalid(string entry, string problem) =>
        new(entry, $"evaluation entry \"{entry}\": {problem}; allowed: {string.Join(", ", Forms)}");
}
