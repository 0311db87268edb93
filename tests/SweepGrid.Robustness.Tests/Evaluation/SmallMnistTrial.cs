using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>
/// One small MNIST trial with every kind of evaluation entry, run twice with the same seed (once per test
/// class): MLP-T, 2,000 training images, 500 validation images, 500 test images.
/// </summary>
public sealed class SmallMnistTrial
{
    public static readonly string[] Evaluations =
    [
        "clean", "brightness=0.8", "blur=0.5", "noise=0.3", "fgsm=0.1", "pgd=0.1", "deformed", "lowpass5:fgsm=0.1",
        "ece", "ts", "ood=noise", "gradients", "regimes", "pixel=1",
    ];

    /// <summary>The conditions whose accuracy is measured (clean first), as results name them.</summary>
    public static readonly string[] Conditions = ["clean", "brightness=0.8", "blur=0.5", "noise=0.3", "fgsm=0.1", "pgd=0.1", "deformed", "lowpass5:fgsm=0.1"];

    public SmallMnistTrial()
    {
        First = TrialRunner.Run(Definition, Environment);
        Second = TrialRunner.Run(Definition, Environment);
    }

    public static TrialDefinition Definition { get; } = new()
    {
        Dataset = "mnist",
        ValidationCount = 500,
        TrainLimit = 2000,
        TestLimit = 500,
        Model = new ModelSpec { Kind = ModelKind.Mlp, Temperature = 0.5 },
        Training = new TrainingConfig { Seed = 11, Epochs = 1, BatchSize = 32 },
        Evaluations = Evaluations,
    };

    public static TrialEnvironment Environment { get; } = new(TestData.MnistDirectory, torch.CPU, Threads: 2);

    public TrialResult First { get; }

    public TrialResult Second { get; }
}
