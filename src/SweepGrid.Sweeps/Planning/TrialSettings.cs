namespace SweepGrid.Sweeps;

/// <summary>
/// The typed, fully defaulted configuration of one training trial, in the spec's terms; it carries
/// the same information as the trial's canonical definition. Maps one to one onto the ML side's trial
/// definition (dataset, model, training config with seed).
/// </summary>
public sealed record TrialSettings(DatasetSettings Dataset, ModelSettings Model, TrainingSettings Training);

/// <summary>Dataset identity and sizes: catalog name, train limit and test limit (0 = all), validation images.</summary>
public sealed record DatasetSettings(string Name, long TrainLimit, long TestLimit, long Validation);

/// <summary>
/// Model: kind (mlp, lenet, m3, m5, m7, ablation), sigmoid temperature and hidden units (mlp), dropout
/// layout (lenet: none, inp, all or five comma-separated rates), activation (relu, gelu) and ablation variant.
/// </summary>
public sealed record ModelSettings(string Kind, double Temperature, long HiddenUnits, string Dropout, string Activation, string Ablation);

/// <summary>How the model is trained, seed included.</summary>
public sealed record TrainingSettings(
    long Epochs,
    long BatchSize,
    OptimizerSettings Optimizer,
    ScheduleSettings Schedule,
    double MixUp,
    AugmentationSettings Augmentation,
    AdversarialSettings Adversarial,
    long Seed);

/// <summary>Optimizer: kind (adam, adamw, sgd), learning rate, momentum, Nesterov, weight decay.</summary>
public sealed record OptimizerSettings(string Kind, double LearningRate, double Momentum, bool Nesterov, double WeightDecay);

/// <summary>Schedule: kind (none, step, exponential, inv), step size, and gamma (null for kind none unless given).</summary>
public sealed record ScheduleSettings(string Kind, long StepSize, double? Gamma);

/// <summary>Training augmentation: rotation (degrees), translation (pixels), horizontal flip, noise sigma.</summary>
public sealed record AugmentationSettings(double Rotation, double Translation, bool Flip, double Noise);

/// <summary>
/// FGSM adversarial training: epsilon (0 = off), constant weight, or stages (when not empty, they
/// replace the constant weight).
/// </summary>
public sealed record AdversarialSettings(double Epsilon, double Weight, IReadOnlyList<AdversarialStage> Stages);
