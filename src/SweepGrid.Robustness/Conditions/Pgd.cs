
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Projected gradient descent on the L∞ ball (Madry et al.; seed 001): x⁰ = clamp(x + U(−ε, ε), 0, 1);
/// then repeatedly xᵗ⁺¹ = clamp(Π_ε(xᵗ + α·sign(∇ CE)), 0, 1), Π_ε the projection onto the ε-box around x;
/// the last iterate is returned (not the worst one seen).
/// </summary>
public static class Pgd
{
    /// <summary>Madry's MNIST setting: 40 steps.</summary>
    public const int DefaultSteps = 40;

    /// <summary>The default step size is ε divided by this (ε = 0.3 gives α = 0.01).</summary>
    public const double DefaultStepDivisor = 30;

    /// <summary>
    /// Attacks with the true labels, mini-batch by mini-batch, the model in eval mode (each module's previous
    /// mode restored afterwards).
    /// </summary>
    /// <param name="model">The attacked model; its logits are [N, K].</param>
    /// <param name="images">float [N, C, H, W] in [0, 1].</param>
    /// <param name="labels">int64 [N], the true classes.</param>
    /// <param name="epsilon">L∞ radius ε, 0 ≤ ε ≤ 1.</param>
    /// <param name="steps">Number of gradient steps (0 returns the start point).</param>
    /// <param name="stepSize">α; null for ε/30.</param>
    /// <param name="randomStart">Start from a uniform point of the ε-box; without it the attack starts at x itself.</param>
    /// <param name="generator">Seeded source of the random start (its device's stream, moved to the images'); required when <paramref name="randomStart"/> is on.</param>
    /// <param name="batchSize">Inputs attacked together.</param>
    public static Tensor Attack(Module model, Tensor images, Tensor labels, double epsilon, int steps = DefaultSteps, double? stepSize = null,
        bool randomStart = true, Generator? generator = null, int batchSize = MiniBatches.DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        MiniBatches.CheckImages(images, labels);
        MiniBatches.CheckEpsilon(epsilon);
        MiniBatches.CheckBatchSize(batchSize);
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "the number of PGD steps must be ≥ 0");
        }
        var alpha = stepSize ?? (epsilon / DefaultStepDivisor);
        if (!(alpha >= 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "the PGD step size α must be a finite number ≥ 0");
        }
        if (randomStart && generator is null)
        {
            throw new ArgumentException("a seeded generator is required for the random start (or turn randomStart off)", nameof(generator));
        }
        var output = torch.empty(images.shape, images.dtype, images.device);
        using var eval = new EvalModeScope(model);
        foreach (var (start, length) in MiniBatches.Ranges(images.shape[0], batchSize))
        {
            using var scope = torch.NewDisposeScope();
            var x = images.narrow(0, start, length);
            var y = labels.narrow(0, start, length);
            var adversarial = AttackBatch(model, x, y, epsilon, steps, alpha, randomStart ? generator : null);
            output.narrow(0, start, length).copy_(adversarial);
        }
        return output;
    }

    private static Tensor AttackBatch(Module model, Tensor x, Tensor y, double epsilon, int steps, double alpha, Generator? generator)
    {
        Tensor lower, upper, current;
        using (torch.no_grad())
        {
            lower = x - epsilon;
            upper = x + epsilon;
            current = generator is null ? x.detach() : (x + RandomStart(x, epsilon, generator)).clamp(0, 1);
        }
        for (var step = 0; step < steps; step++)
        {
            // Per-step scope: only the new iterate survives the step.
            using var scope = torch.NewDisposeScope();
            var gradient = InputGradient.OfCrossEntropy(model, current, y);
            using var noGrad = torch.no_grad();
            var moved = current + (gradient.sign() * alpha);
            var previous = current;
            current = moved.clamp(lower, upper).clamp(0, 1).MoveToOuterDisposeScope();
            previous.Dispose();
        }
        return current;
    }

    private static Tensor RandomStart(Tensor x, double epsilon, Generator generator)
    {
        var uniform = torch.rand(x.shape, x.dtype, generator.device, generator: generator).to(x.device);
        return (uniform * (2 * epsilon)) - epsilon;
    }
}
