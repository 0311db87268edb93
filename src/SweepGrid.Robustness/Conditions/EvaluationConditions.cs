using System.Globalization;

namespace SweepGrid.Robustness.Conditions;

// The condition family. Seeded conditions carry their own seed (derived from the trial's seed and the
// condition's name by ConditionSeed), so applying one twice gives the same images.

/// <summary>The unmodified test images ("clean").</summary>
public sealed record CleanCondition : IEvaluationCondition
{
    public string Name => "clean";

    public Tensor Apply(Module model, Tensor images, Tensor labels) => images.clone();
}

/// <summary>torchvision brightness x' = clamp(f·x, 0, 1) ("brightness=f").</summary>
public sealed record BrightnessCondition(double Factor) : IEvaluationCondition
{
    public string Name => $"brightness={ConditionNames.Format(Factor)}";

    public Tensor Apply(Module model, Tensor images, Tensor labels) => Corruptions.Brightness(images, Factor);
}

/// <summary>torchvision Gaussian blur, k×k, reflect padding ("blur=σ" for k = 5, "blurK=σ" otherwise).</summary>
public sealed record BlurCondition(double Sigma, int KernelSize = 5) : IEvaluationCondition
{
    public string Name => KernelSize == 5 ? $"blur={ConditionNames.Format(Sigma)}" : $"blur{KernelSize}={ConditionNames.Format(Sigma)}";

    public Tensor Apply(Module model, Tensor images, Tensor labels) => Corruptions.GaussianBlur(images, Sigma, KernelSize);
}

/// <summary>Additive Gaussian noise clamp(x + N(0, σ²), 0, 1), seeded ("noise=σ").</summary>
public sealed record NoiseCondition(double Sigma, ulong Seed) : IEvaluationCondition
{
    public string Name => $"noise={ConditionNames.Format(Sigma)}";

    public Tensor Apply(Module model, Tensor images, Tensor labels)
    {
        using var generator = new Generator(Seed);
        return Corruptions.GaussianNoise(images, Sigma, generator);
    }
}

/// <summary>FGSM with the true labels ("fgsm=ε"). Use <see cref="Fgsm.Attack"/> directly for the zero-gradient mask.</summary>
public sealed record FgsmCondition(double Epsilon, int BatchSize = MiniBatches.DefaultSize) : IEvaluationCondition
{
    public string Name => $"fgsm={ConditionNames.Format(Epsilon)}";

    public Tensor Apply(Module model, Tensor images, Tensor labels)
    {
        using var result = Fgsm.Attack(model, images, labels, Epsilon, BatchSize);
        return result.Adversarials.clone();
    }
}

/// <summary>
/// PGD with random start, seeded ("pgd=ε"; 40 steps and α = 2.5·ε/steps by default). Options print after the
/// value in alphabetical order, defaults left out: "pgd10=0.3;alpha=0.01;restarts=5".
/// </summary>
public sealed record PgdCondition(double Epsilon, ulong Seed, int Steps = Pgd.DefaultSteps, int BatchSize = MiniBatches.DefaultSize) : IEvaluationCondition
{
    /// <summary>α, or null for the default 2.5·ε/steps.</summary>
    public double? StepSize { get; init; }

    /// <summary>Runs from independent random starts; the strongest result per input is kept.</summary>
    public int Restarts { get; init; } = 1;

    public string Name
    {
        get
        {
            var name = Steps == Pgd.DefaultSteps ? $"pgd={ConditionNames.Format(Epsilon)}" : $"pgd{Steps}={ConditionNames.Format(Epsilon)}";
            if (StepSize is double alpha && ConditionNames.Format(alpha) != ConditionNames.Format(Pgd.DefaultStepSize(Epsilon, Steps)))
            {
                name += $";alpha={ConditionNames.Format(alpha)}";
            }
            return Restarts == 1 ? name : name + $";restarts={Restarts}";
        }
    }

    public Tensor Apply(Module model, Tensor images, Tensor labels)
    {
        using var generator = new Generator(Seed);
        return Pgd.Attack(model, images, labels, Epsilon, Steps, StepSize, randomStart: true, generator: generator, batchSize: BatchSize, restarts: Restarts);
    }
}

/// <summary>The seeded elastic + affine deformation standing in for AlignMNIST ("deformed").</summary>
public sealed record DeformationCondition(ulong Seed, DeformationOptions? Options = null) : IEvaluationCondition
{
    public string Name => "deformed";

    public Tensor Apply(Module model, Tensor images, Tensor labels) => ElasticAffineDeformation.Apply(images, Seed, Options);
}

/// <summary>How condition names print their numbers: invariant culture, shortest round-trip form ("0.8", not "0.80").</summary>
internal static class ConditionNames
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
