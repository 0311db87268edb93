using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Robustness.Training;
using SweepGrid.Robustness.Weights;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>
/// White box differentiates filter and classifier together; gray box attacks the bare classifier and then
/// filters (seed 004). Each entry's accuracy is recomputed here by hand from the trained weights.
/// </summary>
public class LowPassThreatModelTests
{
    private const int TestCount = 300;

    private static readonly TrialDefinition Trial = new()
    {
        TrainLimit = 2000,
        TestLimit = TestCount,
        Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 64 },
        Training = new TrainingConfig { Seed = 5, Epochs = 1, BatchSize = 32 },
        Evaluations =
        [
            "lowpass5:fgsm=0.2", "graybox:lowpass5:fgsm=0.2", "lowpass5;noise=0.2:clean", "graybox:lowpass5;noise=0.2:fgsm=0.2",
            "lowpass5:pgd10=0.2", "graybox:lowpass5:pgd10=0.2",
        ],
    };

    [Fact]
    public void White_box_attacks_through_the_filter_and_gray_box_attacks_the_bare_classifier()
    {
        var result = TrialRunner.Run(Trial, new TrialEnvironment(TestData.MnistDirectory, torch.CPU, Threads: 2));
        using var generator = new Generator(0);
        using var model = Trial.Model.Create(generator);
        ModelWeights.LoadInto(model, result.Weights!);
        model.eval();
        using var images = TestImages(out var labels);
        using var filter = LowPassFilter.ForSeed004(5);
        var pipeline = new PreprocessedModel(filter, model);

        using var whiteBox = Fgsm.Attack(pipeline, images, labels, 0.2);
        using var grayBox = Fgsm.Attack(model, images, labels, 0.2);

        Assert.NotEqual(whiteBox.Adversarials.data<float>().ToArray(), grayBox.Adversarials.data<float>().ToArray());
        Assert.Equal(Accuracy(pipeline, whiteBox.Adversarials, labels), result.Get("lowpass5:fgsm=0.2", "accuracy"));
        Assert.Equal(Accuracy(pipeline, grayBox.Adversarials, labels), result.Get("graybox:lowpass5:fgsm=0.2", "accuracy"));
        // The attacker who sees the filter does better than the one who does not.
        Assert.True(result.Get("lowpass5:fgsm=0.2", "accuracy") <= result.Get("graybox:lowpass5:fgsm=0.2", "accuracy"),
            "the white-box attack should be at least as strong as the gray-box one");
        Assert.True(result.Get("lowpass5:pgd10=0.2", "accuracy") <= result.Get("graybox:lowpass5:pgd10=0.2", "accuracy"));
        labels.Dispose();
    }

    [Fact]
    public void Noise_goes_in_before_the_filter()
    {
        using var images = Conditions.TinyNetworks.RandomImages(4, seed: 2);
        using var noiseFirst = new Generator(7);
        using var filter = LowPassFilter.ForSeed004(5, noiseSigma: 0.3, noiseGenerator: noiseFirst);
        using var filtered = filter.forward(images);

        using var sameNoise = new Generator(7);
        using var noisy = Corruptions.GaussianNoise(images, 0.3, sameNoise);
        using var plain = LowPassFilter.ForSeed004(5);
        using var expected = plain.forward(noisy);
        using var otherNoise = new Generator(7);
        using var blurred = plain.forward(images);
        using var filterThenNoise = Corruptions.GaussianNoise(blurred, 0.3, otherNoise);

        Assert.Equal(expected.data<float>().ToArray(), filtered.data<float>().ToArray());
        Assert.NotEqual(filterThenNoise.data<float>().ToArray(), filtered.data<float>().ToArray());
    }

    [Fact]
    public void A_noisy_stage_gets_its_own_seed_and_names_the_noise()
    {
        var stage = new LowPassStage(5, 0.2, ThreatModel.GrayBox);
        var (filter, noise) = stage.Create(1, "graybox:lowpass5;noise=0.2:fgsm=0.2");
        using (filter)
        using (noise)
        {
            Assert.Equal(0.2, filter.NoiseSigma);
            Assert.NotNull(noise);
        }
        Assert.Equal("graybox:lowpass5;noise=0.2:", stage.Prefix);
        Assert.Equal("lowpass3:", new LowPassStage(3).Prefix);
    }

    private static Tensor TestImages(out Tensor labels)
    {
        var test = DatasetCache.Open("mnist", DataSplit.Test, TestData.MnistDirectory);
        using var all = test.All();
        using var positions = torch.arange(0, TestCount);
        var (images, y) = all.Batch(positions, torch.CPU);
        labels = y.DetachFromDisposeScope();
        return images.DetachFromDisposeScope();
    }

    private static double Accuracy(Module model, Tensor images, Tensor labels)
    {
        using var noGrad = torch.no_grad();
        using var logits = model.forward(images);
        // The evaluator counts in managed code; the same count gives the same double.
        return (double)logits.argmax(1).eq(labels).sum().item<long>() / labels.shape[0];
    }
}
