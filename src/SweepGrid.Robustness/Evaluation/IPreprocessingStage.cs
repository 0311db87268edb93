namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// A defence in front of the classifier that an evaluation entry names before its condition: seed 004's
/// low-pass filter (<see cref="LowPassStage"/>) or denoising autoencoder (<see cref="DenoiserStage"/>).
/// </summary>
public interface IPreprocessingStage
{
    /// <summary>The prefix of the result name, threat model included, e.g. "graybox:lowpass5;noise=0.27:".</summary>
    string Prefix { get; }

    ThreatModel Threat { get; }
}
