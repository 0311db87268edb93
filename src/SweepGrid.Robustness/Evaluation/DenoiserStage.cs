using System.Globalization;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// Seed 004's denoising autoencoder stacked in front of the classifier ("dae:fgsm=0.1", "graybox:dae:fgsm=0.1",
/// "dae;epochs=10:noise=0.3"). The autoencoder is part of the defence, not of the classifier's weights: it is
/// trained when the trial is evaluated, on the trial's training images, from a generator seeded by
/// (trial seed, stage name), so every evaluation of a trial gets the same one (<see cref="StageFactory"/>).
/// </summary>
/// <remarks>
/// Recipe: 784-1000-500-250-30-250-500-1000-784 with input dropout 0.2, binary cross-entropy to the clean
/// image, SGD with Nesterov momentum 0.9 (seed 004: "trained by Nesterov's accelerated gradient"), learning
/// rate 0.1, batch 64, <see cref="Epochs"/> epochs (default 5). The paper gives no rate, batch or length.
/// </remarks>
public sealed record DenoiserStage(int Epochs = DenoiserStage.DefaultEpochs, ThreatModel Threat = ThreatModel.WhiteBox) : IPreprocessingStage
{
    public const int DefaultEpochs = 5;

    /// <summary>The autoencoder's name in seeds and caches: "dae" or "dae;epochs=N".</summary>
    public string StageName => Epochs == DefaultEpochs ? "dae" : "dae;epochs=" + Epochs.ToString(CultureInfo.InvariantCulture);

    public string Prefix => (Threat == ThreatModel.GrayBox ? "graybox:" : "") + StageName + ":";
}
