using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>The trainer actually fits the models: real data, real optimisers, accuracy on held-out images.</summary>
public class LearningTests
{
    [Fact]
    public void LeNet_trained_one_epoch_on_five_thousand_mnist_images_classifies_held_out_digits()
    {
        // Caffe's LeNet (linear convolutions) after 313 Adam steps: PyTorch 1.13 with the same settings
        // reaches 94.2–95.6% on random 2,000-image test samples over seeds 1–5 (91.6–93.7% on the first
        // 2,000, which are harder); this trainer gives 93.9–94.6% over seeds 1–3 (94.6% for seed 1). 95% is
        // not reliably reachable in one epoch on 5,000 images, so the bound leaves two points of margin.
        const double expected = 0.92;
        using var trainAll = DatasetCache.Open(DatasetCatalog.Mnist, DataSplit.Train, TestData.MnistDirectory).All();
        using var testAll = DatasetCache.Open(DatasetCatalog.Mnist, DataSplit.Test, TestData.MnistDirectory).All();
        using var train = trainAll.Limit(5000, seed: 1);
        using var test = testAll.Limit(2000, seed: 0);
        var config = new TrainingConfig { Seed = 1, BatchSize = 16, Optimizer = new OptimizerSettings(OptimizerKind.Adam, 1e-3) };
        using var generator = new Generator(config.Seed);
        using var model = new ModelSpec { Kind = ModelKind.LeNet }.Create(generator);

        var result = new Trainer(config).Train(model, train, torch.CPU, generator);
        var accuracy = Predictions.Accuracy(model, test, torch.CPU);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(accuracy >= expected, $"LeNet after one epoch on 5,000 MNIST images should classify at least {expected:P0} of 2,000 test images, got {accuracy:P2}");
        Assert.True(result.Curve[0].TrainAccuracy >= 0.8, $"training accuracy over the epoch should be at least 80%, got {result.Curve[0].TrainAccuracy:P2}");
    }

    [Fact]
    public void Mlp_learns_synthetic_digits_it_has_not_seen()
    {
        using var train = new SyntheticDigitsSource(1000, seed: 1);
        using var test = new SyntheticDigitsSource(500, seed: 2);
        var config = new TrainingConfig { Seed = 3, Epochs = 2, BatchSize = 32, Optimizer = new OptimizerSettings(OptimizerKind.Adam, 1e-2) };

        var (result, weights) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, config, train);
        using var model = SyntheticTraining.Load(SyntheticTraining.SmallMlp, weights);
        var accuracy = Predictions.Accuracy(model, test, torch.CPU);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(accuracy >= 0.9, $"an MLP trained on 1,000 synthetic digits should classify at least 90% of 500 new ones, got {accuracy:P1}");
        Assert.True(result.Curve[1].Loss < result.Curve[0].Loss, $"the training loss should fall from epoch 1 to 2: {result.Curve[0].Loss:F4} → {result.Curve[1].Loss:F4}");
    }

    [Fact]
    public void Untrained_mlp_is_near_chance_on_synthetic_digits()
    {
        // The counterpart of the learning test: the accuracy above comes from training, not from the data.
        using var test = new SyntheticDigitsSource(500, seed: 2);
        using var generator = new Generator(3);
        using var model = SyntheticTraining.SmallMlp.Create(generator);

        var accuracy = Predictions.Accuracy(model, test, torch.CPU);

        Assert.True(accuracy < 0.3, $"an untrained MLP should be near chance (10%), got {accuracy:P1}");
    }
}
