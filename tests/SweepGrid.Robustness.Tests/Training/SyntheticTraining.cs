using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;
using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

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
        var result = trainer.Train(model, data, Device.Cpu, generator, cancellation);
        return (result, ParameterArchive.Save(model));
    }

    /// <summary>Loads weights into a fresh model of <paramref name="spec"/>.</summary>
    public static Module Load(ModelSpec spec, byte[] weights)
    {
        using var generator = new Generator(0);
        var model = spec.Create(generator);
        ParameterArchive.LoadInto(model, weights);
        return model;
    }
}
