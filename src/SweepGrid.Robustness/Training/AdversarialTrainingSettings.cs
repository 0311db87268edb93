namespace SweepGrid.Robustness.Training;

/// <summary>Epochs trained with one adversarial-loss weight.</summary>
public sealed record AdversarialStage(int Epochs, double Weight);

/// <summary>
/// FGSM adversarial training (Goodfellow et al.): each mini-batch's loss is
/// (1 − w)·CE(f(x), y) + w·CE(f(x_adv), y) with x_adv = clamp(x + ε·sign(∇ₓ CE), 0, 1), generated from the
/// current model in eval mode. The weight w follows <see cref="Stages"/> in order (seed 001: 1 epoch at
/// 0.1, 3 at 0.5, 3 at 0.75); epochs after the last stage keep its weight.
/// </summary>
public sealed record AdversarialTrainingSettings(double Epsilon, IReadOnlyList<AdversarialStage> Stages)
{
    /// <summary>One weight for every epoch (Goodfellow's α = 0.5 by default).</summary>
    public static AdversarialTrainingSettings Constant(double epsilon, double weight = 0.5) => new(epsilon, [new AdversarialStage(int.MaxValue, weight)]);

    /// <summary>Seed 001's staged schedule.</summary>
    public static AdversarialTrainingSettings Seed001(double epsilon) =>
        new(epsilon, [new AdversarialStage(1, 0.1), new AdversarialStage(3, 0.5), new AdversarialStage(3, 0.75)]);

    /// <summary>The adversarial weight for a 1-based epoch.</summary>
    public double WeightAt(int epoch)
    {
        var remaining = epoch;
        foreach (var stage in Stages)
        {
            if (remaining <= stage.Epochs)
            {
                return stage.Weight;
            }
            remaining -= stage.Epochs;
        }
        return Stages[^1].Weight;
    }

    public void Validate()
    {
        if (!(Epsilon is > 0 and <= 1))
        {
            throw new ArgumentException($"adversarial-training ε must be in (0, 1] (got {Epsilon})");
        }
        if (Stages.Count == 0)
        {
            throw new ArgumentException("adversarial training needs at least one stage");
        }
        foreach (var stage in Stages)
        {
            if (stage.Epochs < 1 || !(stage.Weight is >= 0 and <= 1))
            {
                throw new ArgumentException($"adversarial stage {stage}: epochs must be >= 1 and the weight in [0, 1]");
            }
        }
    }
}
