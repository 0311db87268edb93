using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

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
        var count = images.Shape[0];
        var adversarials = Tensor.Empty(images.Shape, images.DType, images.Device);
        var zeroGradient = Tensor.Empty([count], ScalarType.Bool, images.Device);
        using var eval = new EvalModeScope(model);
        foreach (var (start, length) in MiniBatches.Ranges(count, batchSize))
        {
            using var scope = DisposeScope.Begin();
            var x = images.Narrow(0, start, length);
            var y = labels.Narrow(0, start, length);
            var gradient = InputGradient.OfCrossEntropy(model, x, y);
            using var noGrad = Autograd.NoGrad();
            var step = gradient.Sign() * epsilon;
            adversarials.Narrow(0, start, length).Copy_((x + step).Clamp(0, 1));
            zeroGradient.Narrow(0, start, length).Copy_(gradient.Abs().Flatten(1).Sum(1).Eq(0));
        }
        return new FgsmResult(adversarials, zeroGradient);
    }
}
