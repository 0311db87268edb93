namespace SweepGrid.Robustness.Training;

public enum OptimizerKind
{
    Sgd,
    Adam,
    AdamW,
}

public enum ScheduleKind
{
    /// <summary>Constant learning rate.</summary>
    None,
    /// <summary>lr·γ^⌊epoch/step⌋, stepped per epoch (PyTorch StepLR).</summary>
    Step,
    /// <summary>lr·γ^epoch, stepped per epoch (PyTorch ExponentialLR).</summary>
    Exponential,
    /// <summary>lr·(1 + γ·iteration)^−power, stepped per iteration (Caffe's inv).</summary>
    Inverse,
}

/// <summary>Optimizer and its hyperparameters; defaults are PyTorch's Adam.</summary>
public sealed record OptimizerSettings(
    OptimizerKind Kind = OptimizerKind.Adam,
    double LearningRate = 1e-3,
    double Momentum = 0,
    bool Nesterov = false,
    double WeightDecay = 0);

/// <summary>Learning-rate schedule; <see cref="Gamma"/> and <see cref="StepSize"/> mean what PyTorch's (or Caffe's) do.</summary>
public sealed record ScheduleSettings(ScheduleKind Kind = ScheduleKind.None, int StepSize = 1, double Gamma = 0.1, double Power = 0.75);

/// <summary>Everything about how a model is trained, except the model and the data.</summary>
public sealed record TrainingConfig
{
    public int Epochs { get; init; } = 1;

    public int BatchSize { get; init; } = 64;

    public OptimizerSettings Optimizer { get; init; } = new();

    public ScheduleSettings Schedule { get; init; } = new();

    /// <summary>Seeds initialisation, shuffling, dropout and augmentation: the same seed gives the same model on CPU.</summary>
    public ulong Seed { get; init; }

    /// <summary>MixUp's α: λ ~ Beta(α, α) per mini-batch; 0 turns MixUp off (seed 002 uses α = 1).</summary>
    public double MixUpAlpha { get; init; }

    public AugmentationSettings Augmentation { get; init; } = AugmentationSettings.None;

    /// <summary>FGSM adversarial training, or null for none.</summary>
    public AdversarialTrainingSettings? Adversarial { get; init; }

    /// <summary>Outlier exposure, or null for none.</summary>
    public OutlierExposureSettings? OutlierExposure { get; init; }

    /// <summary>Which committee member this training produces; <see cref="CommitteeMembership.None"/> for an ordinary model.</summary>
    public CommitteeMembership Committee { get; init; } = CommitteeMembership.None;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field and the allowed range.</summary>
    public void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentException($"epochs must be >= 1 (got {Epochs})");
        }
        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be >= 1 (got {BatchSize})");
        }
        if (!(Optimizer.LearningRate > 0) || double.IsInfinity(Optimizer.LearningRate))
        {
            throw new ArgumentException($"learning rate must be a positive number (got {Optimizer.LearningRate})");
        }
        if (Optimizer.Momentum < 0 || Optimizer.WeightDecay < 0)
        {
            throw new ArgumentException("momentum and weight decay must be >= 0");
        }
        if (Optimizer.Nesterov && (Optimizer.Kind != OptimizerKind.Sgd || Optimizer.Momentum <= 0))
        {
            throw new ArgumentException("Nesterov momentum needs the SGD optimizer with momentum > 0");
        }
        if (!(MixUpAlpha >= 0) || MixUpAlpha > 100)
        {
            throw new ArgumentException($"MixUp α must be in [0, 100] (got {MixUpAlpha})");
        }
        Augmentation.Validate();
        Adversarial?.Validate();
        OutlierExposure?.Validate();
        Committee.Validate();
    }
}
