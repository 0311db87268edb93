using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>Outlier exposure adds λ·CE(softmax, uniform) on outlier images to every mini-batch's loss (seed 001, Hendrycks et al.).</summary>
public class OutlierExposureTests
{
    [Fact]
    public void The_loss_term_is_the_cross_entropy_to_the_uniform_distribution()
    {
        // A model whose logits ignore the input: the OE term is then exactly −mean_k log softmax(z)_k.
        using var data = new SyntheticDigitsSource(8, seed: 1);
        using var outliers = new SyntheticDigitsSource(8, seed: 2);
        float[] logitValues = [2, 0, 0, 0, 0, 0, 0, 0, 0, -1];
        using var model = Conditions.TinyNetworks.LinearModel(new float[7840], logitValues);
        var config = new TrainingConfig { Seed = 1, BatchSize = 8, OutlierExposure = new OutlierExposureSettings("fashion-mnist", 0.5) };
        var plain = new TrainingStep(config with { OutlierExposure = null });
        var exposed = new TrainingStep(config, outliers);
        using var positions = torch.arange(8);
        var (x, y) = data.Batch(positions, torch.CPU);
        using var generator = new Generator(4);

        var (plainLoss, _) = plain.Compute(model, x, y, 1, generator);
        var (exposedLoss, _) = exposed.Compute(model, x, y, 1, generator);

        using var logits = torch.tensor(logitValues);
        var uniformCrossEntropy = -nn.functional.log_softmax(logits, 0).mean().item<float>();
        Assert.Equal(plainLoss.item<float>() + (0.5 * uniformCrossEntropy), exposedLoss.item<float>(), 5);
    }

    [Fact]
    public void Training_with_fashion_mnist_outliers_lowers_confidence_on_fashion_mnist()
    {
        var environment = new TrialEnvironment(TestData.MnistDirectory, torch.CPU, Threads: 2);
        var plain = new TrialDefinition
        {
            TrainLimit = 2000,
            TestLimit = 500,
            Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 64 },
            Training = new TrainingConfig { Seed = 1, Epochs = 2, BatchSize = 64 },
            Evaluations = ["clean", "ood=fashion-mnist"],
        };
        var exposed = plain with { Training = plain.Training with { OutlierExposure = new OutlierExposureSettings("fashion-mnist") } };

        var before = TrialRunner.Run(plain, environment);
        var after = TrialRunner.Run(exposed, environment);

        Assert.True(after.Get("ood=fashion-mnist", "auroc_msp") > before.Get("ood=fashion-mnist", "auroc_msp"),
            $"AUROC (MSP) on Fashion-MNIST should rise with Fashion-MNIST outlier exposure: {before.Get("ood=fashion-mnist", "auroc_msp")} → {after.Get("ood=fashion-mnist", "auroc_msp")}");
        Assert.True(after.Get("clean", "accuracy") > before.Get("clean", "accuracy") - 0.1,
            $"outlier exposure should leave the classifier working: clean accuracy {before.Get("clean", "accuracy")} → {after.Get("clean", "accuracy")}");
    }

    [Fact]
    public void Outlier_exposure_without_outlier_images_is_refused()
    {
        using var data = new SyntheticDigitsSource(8, seed: 1);
        var config = new TrainingConfig { OutlierExposure = new OutlierExposureSettings("fashion-mnist") };

        var error = Assert.Throws<ArgumentException>(() => SyntheticTraining.Train(SyntheticTraining.SmallMlp, config, data));
        Assert.Contains("fashion-mnist", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TrainingConfig { OutlierExposure = new OutlierExposureSettings("fashion-mnist", 0) }.Validate());
    }
}
