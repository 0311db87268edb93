
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Fast gradient sign method (Goodfellow et al.; seeds 003/004): x' = clamp(x + ε·sign(∇ₓ CE(f(x), y)), 0, 1),
/// untargeted with the true labels, ε an L∞ radius in [0, 1] pixel space, sign(0) = 0.
/// </summary>
public static class Fgsm
{
    /// <summary>
    /// Attacks the images mini-batch by mini-batch with the model in eval mode (each module's previous
    /// mode is restored afterwards). Parameter gradients are left untouched.
    /// </summary>
    public static FgsmResult Attack(Module model, Tensor images, Tensor labels, double epsilon, int batchSize = MiniBatches.DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        MiniBatches.CheckImages(images, labels);
        MiniBatches.CheckEpsilon(epsilon);
        MiniBatches.CheckBatchSize(batchSize);
        var count = images.shape[0];
        var adversarials = torch.empty(images.shape, images.dtype, images.device);
        var zeroGradient = torch.empty([count], ScalarType.Bool, images.device);
        using var eval = new EvalModeScope(model);
        foreach (var (start, length) in MiniBatches.Ranges(count, batchSize))
        {
            using var scope = torch.NewDisposeScope();
            var x = images.narrow(0, start, length);
            var y = labels.narrow(0, start, length);
            var gradient = InputGradient.OfCrossEntropy(model, x, y);
            using var noGrad = torch.no_grad();
            var step = gradient.sign() * epsilon;
            adversarials.narrow(0, start, length).copy_((x + step).clamp(0, 1));
            zeroGradient.narrow(0, start, length).copy_(gradient.abs().flatten(1).sum(1).eq(0));
        }
        return new FgsmResult(adversarials, zeroGradient);
    }
}
