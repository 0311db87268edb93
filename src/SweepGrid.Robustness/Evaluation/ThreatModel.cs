namespace SweepGrid.Robustness.Evaluation;

/// <summary>What an attack behind a pre-processing stage is allowed to see.</summary>
public enum ThreatModel
{
    /// <summary>The attack differentiates the whole pipeline, stage included ("lowpass5:fgsm=0.1").</summary>
    WhiteBox,

    /// <summary>
    /// The attack sees only the bare classifier; its adversarials then go through the stage ("graybox:lowpass5:fgsm=0.1"),
    /// as seed 004 evaluates its low-pass filter: the defence is unknown to the attacker.
    /// </summary>
    GrayBox,
}
