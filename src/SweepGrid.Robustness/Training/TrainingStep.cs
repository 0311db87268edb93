using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Training;

/// <summary>
/// One mini-batch's loss under the configured augmentation, MixUp and FGSM adversarial training. All
/// randomness comes from the training's generator (and MixUp's λ from a managed stream seeded by the
/// training seed), so a seed fixes the whole run.
/// </summary>
internal sealed class TrainingStep(TrainingConfig config, IBatchSource? outliers = null)
{
    private readonly BetaSampler beta = new(config.Seed);

    /// <summary>The loss to back-propagate and the logits whose argmax counts toward training accuracy.</summary>
    public (Tensor Loss, Tensor Logits) Compute(Module model, Tensor images, Tensor labels, int epoch, Generator generator)
    {
        var x = Augment(images, generator);
        Tensor logits, loss;
        if (config.MixUpAlpha > 0)
        {
            // loss = λ·CE(f(x̃), y) + (1 − λ)·CE(f(x̃), y_π), x̃ = λ·x + (1 − λ)·x_π (seed 002, definitions.md).
            var lambda = beta.Next(config.MixUpAlpha);
            var partner = torch.randperm(x.shape[0], generator: generator).to(x.device);
            var mixed = (x * lambda) + (x.index_select(0, partner) * (1 - lambda));
            logits = model.forward(mixed);
            loss = (nn.functional.cross_entropy(logits, labels) * lambda) + (nn.functional.cross_entropy(logits, labels.index_select(0, partner)) * (1 - lambda));
        }
        else
        {
            logits = model.forward(x);
            loss = nn.functional.cross_entropy(logits, labels);
        }
        var adversarial = config.Adversarial;
        var weight = adversarial?.WeightAt(epoch) ?? 0;
        if (adversarial is not null && weight > 0)
        {
            using var attack = Fgsm.Attack(model, x, labels, adversarial.Epsilon, (int)x.shape[0]);
            var adversarialLoss = nn.functional.cross_entropy(model.forward(attack.Adversarials), labels);
            loss = (loss * (1 - weight)) + (adversarialLoss * weight);
        }
        if (config.OutlierExposure is { } exposure && outliers is not null)
        {
            loss = loss + (OutlierLoss(model, outliers, x.shape[0] * OutlierExposureSettings.BatchFactor, x.device, generator) * exposure.Weight);
        }
        return (loss, logits);
    }

    /// <summary>
    /// Hendrycks' OE term: mean over outliers of −(1/K)·Σ_k log softmax(f(x_out))_k, the cross-entropy from
    /// the model's softmax to the uniform distribution. Outliers are drawn uniformly with replacement.
    /// </summary>
    private static Tensor OutlierLoss(Module model, IBatchSource outliers, long count, Device device, Generator generator)
    {
        var positions = torch.randint(0, outliers.Count, new long[] { count }, generator: generator);
        var (images, _) = outliers.Batch(positions, device);
        var logSoftmax = nn.functional.log_softmax(model.forward(images), 1);
        return -logSoftmax.mean([1L]).mean();
    }

    private Tensor Augment(Tensor images, Generator generator)
    {
        var a = config.Augmentation;
        var x = images;
        if (a.IsGeometric)
        {
            var options = new DeformationOptions
            {
                MaxRotationDegrees = a.RotationDegrees,
                MaxTranslation = a.TranslationPixels,
                MaxScaleChange = 0,
                MaxShear = 0,
                ElasticAlpha = 0,
            };
            x = ElasticAffineDeformation.Apply(x, generator, options);
        }
        if (a.HorizontalFlip)
        {
            var n = x.shape[0];
            var width = x.shape[3];
            var reversed = torch.arange(width - 1, -1, -1, device: x.device);
            var flip = torch.rand([n], device: x.device, generator: generator).lt(0.5).view(n, 1, 1, 1);
            x = torch.where(flip, x.index_select(3, reversed), x);
        }
        if (a.NoiseSigma > 0)
        {
            x = Corruptions.GaussianNoise(x, a.NoiseSigma, generator);
        }
        return x;
    }
}
