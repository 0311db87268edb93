using SweepGrid.Robustness.Weights;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>One training run as a trial does it: model and shuffling from one generator seeded by the config.</summary>
internal static class SyntheticTraining
{
    public static readonly ModelSpec SmallMlp = new() { Kind = ModelKind.Mlp, HiddenUnits = 32 };

    /// <summary>Trains a fresh model of <paramref name="spec"/> and returns the outcome with the weights as a parameter archive.</summary>
    public static (TrainingResult Result, byte[] Weights) Train(ModelSpec spec, TrainingConfig config, IBatchSource data,
        Action<EpochStats>? onEpoch = null, CancellationToken cancellation = default)
    {
        using var generator = new Generator(config.Seed);
        using var model = spec.Create(generator);
        var trainer = new Trainer(config);
        if (onEpoch is not null)
        {
            trainer.EpochCompleted += onEpoch;
        }
        var result = trainer.Train(model, data, torch.CPU, generator, cancellation);
        return (result, ModelWeights.Save(model));
    }

    /// <summary>Loads weights into a fresh model of <paramref name="spec"/>.</summary>
    public static Module Load(ModelSpec spec, byte[] weights)
    {
        using var generator = new Generator(0);
        var model = spec.Create(generator);
        ModelWeights.LoadInto(model, weights);
        return model;
    }
}
