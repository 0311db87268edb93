using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>MixUp, augmentation and FGSM adversarial training: each takes effect, and a seed still fixes the whole run.</summary>
public class RegularisationTests
{
    private static readonly TrainingConfig Plain = new() { Seed = 9, Epochs = 1, BatchSize = 25, Optimizer = new OptimizerSettings(OptimizerKind.Adam, 1e-2) };

    public static TheoryData<string> Variants => new(["mixup", "rotation", "translation", "flip", "noise", "fgsm", "fgsm-staged", "everything", "mixup-augmentation"]);

    private static TrainingConfig Config(string variant) => variant switch
    {
        "mixup" => Plain with { MixUpAlpha = 1 },
        "rotation" => Plain with { Augmentation = new AugmentationSettings(RotationDegrees: 15) },
        "translation" => Plain with { Augmentation = new AugmentationSettings(TranslationPixels: 2) },
        "flip" => Plain with { Augmentation = new AugmentationSettings(HorizontalFlip: true) },
        "noise" => Plain with { Augmentation = new AugmentationSettings(NoiseSigma: 0.2) },
        "fgsm" => Plain with { Adversarial = AdversarialTrainingSettings.Constant(0.1) },
        "fgsm-staged" => Plain with { Epochs = 2, Adversarial = AdversarialTrainingSettings.Seed001(0.1) },
        // Seed 002's "MixUp + Aug" arm: MixUp with α = 1 and basic augmentation (flips and rotations).
        "mixup-augmentation" => Plain with { MixUpAlpha = 1, Augmentation = new AugmentationSettings(RotationDegrees: 15, HorizontalFlip: true) },
        "everything" => Plain with
        {
            MixUpAlpha = 0.4,
            Augmentation = new AugmentationSettings(10, 1, HorizontalFlip: true, NoiseSigma: 0.05),
            Adversarial = AdversarialTrainingSettings.Constant(0.05, 0.3),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "no such variant in this test"),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_trains_deterministically_and_differently_from_plain_training(string variant)
    {
        using var data = new SyntheticDigitsSource(100, seed: 4);
        var config = Config(variant);

        var (result, weights) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, config, data);
        var (_, again) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, config, data);
        var (_, plain) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, Plain with { Epochs = config.Epochs }, data);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.All(result.Curve, s => Assert.True(double.IsFinite(s.Loss) && s.Loss > 0, $"{variant}: epoch {s.Epoch} loss should be a positive number, got {s.Loss}"));
        Assert.True(weights.AsSpan().SequenceEqual(again), $"{variant}: two runs with seed {config.Seed} should give bit-identical weights");
        Assert.False(weights.AsSpan().SequenceEqual(plain), $"{variant}: training should differ from plain training with the same seed");
    }

    [Fact]
    public void Mixup_plus_augmentation_is_neither_mixup_alone_nor_augmentation_alone()
    {
        using var data = new SyntheticDigitsSource(100, seed: 4);
        var both = Config("mixup-augmentation");

        var (_, combined) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, both, data);
        var (_, mixupOnly) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, both with { Augmentation = AugmentationSettings.None }, data);
        var (_, augmentationOnly) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, both with { MixUpAlpha = 0 }, data);

        Assert.False(combined.AsSpan().SequenceEqual(mixupOnly), "augmentation should change MixUp training");
        Assert.False(combined.AsSpan().SequenceEqual(augmentationOnly), "MixUp should change augmented training");
    }

    [Fact]
    public void Adversarial_weight_zero_is_plain_training()
    {
        using var data = new SyntheticDigitsSource(100, seed: 4);

        var (_, zeroWeight) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, Plain with { Adversarial = AdversarialTrainingSettings.Constant(0.1, 0) }, data);
        var (_, plain) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, Plain, data);

        Assert.True(zeroWeight.AsSpan().SequenceEqual(plain), "an adversarial weight of 0 should leave training exactly as plain training");
    }

    [Fact]
    public void MixUp_with_a_different_seed_trains_differently()
    {
        using var data = new SyntheticDigitsSource(100, seed: 4);
        var config = Config("mixup");

        var (_, first) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, config, data);
        var (_, other) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, config with { Seed = config.Seed + 1 }, data);

        Assert.False(first.AsSpan().SequenceEqual(other), "MixUp runs with different seeds should give different weights");
    }
}
