using System.Globalization;
using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// Seed 004's low-pass pre-processing in front of the classifier, as an evaluation entry names it:
/// "lowpass5", "lowpass5;noise=0.27" (Gaussian noise of σ 0.27 added, and clamped, before the filter) and the
/// threat model as a prefix, "graybox:lowpass5;noise=0.27". White box is the default and is not written.
/// </summary>
public sealed record LowPassStage(int KernelSize, double NoiseSigma = 0, ThreatModel Threat = ThreatModel.WhiteBox) : IPreprocessingStage
{
    /// <summary>The prefix of a condition's result name, e.g. "graybox:lowpass5;noise=0.27:".</summary>
    public string Prefix
    {
        get
        {
            var threat = Threat == ThreatModel.GrayBox ? "graybox:" : "";
            var noise = NoiseSigma > 0 ? ";noise=" + NoiseSigma.ToString("R", CultureInfo.InvariantCulture) : "";
            return $"{threat}lowpass{KernelSize}{noise}:";
        }
    }

    /// <summary>
    /// The filter module, its noise drawn from a generator seeded by (trial seed, entry name), so every
    /// evaluation of the entry sees the same noise; the caller disposes the returned generator after the filter.
    /// </summary>
    public (LowPassFilter Filter, Generator? Noise) Create(ulong trialSeed, string entryName)
    {
        var generator = NoiseSigma > 0 ? new Generator(ConditionSeed.Derive(trialSeed, entryName + "#stage")) : null;
        return (LowPassFilter.ForSeed004(KernelSize, NoiseSigma, generator), generator);
    }
}
