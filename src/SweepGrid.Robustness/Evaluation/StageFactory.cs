using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// Builds the pre-processing stages of one trial's evaluation. Low-pass filters are made per entry (their
/// noise is seeded by the entry's name); a denoising autoencoder is trained once per trial and stage name
/// and shared by every entry and every per-epoch evaluation that names it.
/// </summary>
internal sealed class StageFactory(IBatchSource? train, Device device, ulong trialSeed) : IDisposable
{
    private readonly Dictionary<string, DenoisingAutoencoder> denoisers = new(StringComparer.Ordinal);

    /// <summary>The stage as a module, and what the caller must dispose after using it (null for shared stages).</summary>
    public (Module Stage, IDisposable? Owned) Create(IPreprocessingStage stage, string entryName) => stage switch
    {
        LowPassStage lowPass => LowPass(lowPass, entryName),
        DenoiserStage denoiser => (Denoiser(denoiser), null),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown pre-processing stage"),
    };

    private (Module, IDisposable) LowPass(LowPassStage stage, string entryName)
    {
        var (filter, noise) = stage.Create(trialSeed, entryName);
        filter.to(device);
        return (filter, new Owned(filter, noise));
    }

    private DenoisingAutoencoder Denoiser(DenoiserStage stage)
    {
        if (denoisers.TryGetValue(stage.StageName, out var trained))
        {
            return trained;
        }
        if (train is null)
        {
            throw new InvalidOperationException("a denoising-autoencoder stage needs the trial's training images");
        }
        var seed = ConditionSeed.Derive(trialSeed, stage.StageName);
        using var generator = new Generator(seed, device);
        var autoencoder = new DenoisingAutoencoder(inputDropout: 0.2, generator: generator);
        autoencoder.to(device);
        var config = new TrainingConfig
        {
            Epochs = stage.Epochs,
            BatchSize = 64,
            Seed = seed,
            Optimizer = new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 0.1, Momentum: 0.9, Nesterov: true),
        };
        var result = new AutoencoderTrainer(config).Train(autoencoder, train, device, generator);
        if (result.Status != TrainingStatus.Completed)
        {
            autoencoder.Dispose();
            throw new InvalidOperationException($"the denoising autoencoder of stage {stage.StageName} did not train: {result.Reason}");
        }
        autoencoder.eval();
        denoisers[stage.StageName] = autoencoder;
        return autoencoder;
    }

    public void Dispose()
    {
        foreach (var autoencoder in denoisers.Values)
        {
            autoencoder.Dispose();
        }
        denoisers.Clear();
    }

    private sealed class Owned(Module module, Generator? generator) : IDisposable
    {
        public void Dispose()
        {
            module.Dispose();
            generator?.Dispose();
        }
    }
}
