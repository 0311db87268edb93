using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// Everything that determines a trial's result: the data, the model, how it is trained (seed included)
/// and what it is evaluated on. Where it runs (<see cref="TrialEnvironment"/>) is not part of it.
/// </summary>
public sealed record TrialDefinition
{
    /// <summary>Catalog name of the dataset ("mnist", "fashion-mnist", "kmnist").</summary>
    public string Dataset { get; init; } = "mnist";

    /// <summary>Images carved from the training set for temperature scaling; never trained on.</summary>
    public long ValidationCount { get; init; }

    /// <summary>
    /// Seed of the validation split: fixed (not the training seed) so every trial of a study, whatever its
    /// seed, holds out the same images (definitions.md: "a validation split ... with a fixed seed").
    /// </summary>
    public ulong ValidationSeed { get; init; }

    /// <summary>Train on this many images of a seeded permutation of the rest of the training set (0 = all).</summary>
    public long TrainLimit { get; init; }

    /// <summary>Evaluate on the first N test images (0 = all 10,000); small values keep tests fast.</summary>
    public long TestLimit { get; init; }

    public ModelSpec Model { get; init; } = new();

    public TrainingConfig Training { get; init; } = new();

    /// <summary>Evaluation entries (see <see cref="EvaluationPlan"/>), e.g. "clean", "fgsm=0.1", "ece", "ood=noise".</summary>
    public IReadOnlyList<string> Evaluations { get; init; } = ["clean"];
}

/// <summary>Where and how a trial runs; changes nothing in its result on CPU.</summary>
public sealed record TrialEnvironment(string? DataDirectory, Device Device, int Threads = 1);
