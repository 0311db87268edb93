
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Projected gradient descent on the L∞ ball (Madry et al.; seed 001): x⁰ = clamp(x + U(−ε, ε), 0, 1);
/// then repeatedly xᵗ⁺¹ = clamp(Π_ε(xᵗ + α·sign(∇ CE)), 0, 1), Π_ε the projection onto the ε-box around x;
/// the last iterate is returned (not the worst one seen). With restarts, the attack runs again from fresh random
/// starts and keeps, per input, a misclassified result over a correct one and otherwise the higher-loss one,
/// so more restarts never weaken it.
/// </summary>
public static class Pgd
{
    /// <summary>Madry's MNIST setting: 40 steps.</summary>
    public const int DefaultSteps = 40;

    /// <summary>
    /// The default step size is this times ε divided by the step count (Madry et al.'s rule, ε = 0.3 and 40
    /// steps give α = 0.01875): the iterate can cross the ε-box 2.5 times whatever the step count, so
    /// 5- or 10-step PGD is not weaker than FGSM by construction.
    /// </summary>
    public const double DefaultStepFactor = 2.5;

    /// <summary>α = 2.5·ε/steps; ε itself for 0 steps (the value is then unused).</summary>
    public static double DefaultStepSize(double epsilon, int steps) => steps > 0 ? DefaultStepFactor * epsilon / steps : epsilon;

    /// <summary>
    /// Attacks with the true labels, mini-batch by mini-batch, the model in eval mode (each module's previous
    /// mode restored afterwards).
    /// </summary>
    /// <param name="model">The attacked model; its logits are [N, K].</param>
    /// <param name="images">float [N, C, H, W] in [0, 1].</param>
    /// <param name="labels">int64 [N], the true classes.</param>
    /// <param name="epsilon">L∞ radius ε, 0 ≤ ε ≤ 1.</param>
    /// <param name="steps">Number of gradient steps (0 returns the start point).</param>
    /// <param name="stepSize">α; null for <see cref="DefaultStepSize"/>, 2.5·ε/steps.</param>
    /// <param name="randomStart">Start from a uniform point of the ε-box; without it the attack starts at x itself.</param>
    /// <param name="generator">Seeded source of the random start (its device's stream, moved to the images'); required when <paramref name="randomStart"/> is on.</param>
    /// <param name="batchSize">Inputs attacked together.</param>
    /// <param name="restarts">Runs of the attack (≥ 1); every run after the first needs the random start.</param>
    public static Tensor Attack(Module model, Tensor images, Tensor labels, double epsilon, int steps = DefaultSteps, double? stepSize = null,
        bool randomStart = true, Generator? generator = null, int batchSize = MiniBatches.DefaultSize, int restarts = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        MiniBatches.CheckImages(images, labels);
        MiniBatches.CheckEpsilon(epsilon);
        MiniBatches.CheckBatchSize(batchSize);
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "the number of PGD steps must be ≥ 0");
        }
        if (restarts < 1 || (restarts > 1 && !randomStart))
        {
            throw new ArgumentOutOfRangeException(nameof(restarts), restarts, "PGD needs at least one run, and restarts need the random start");
        }
        var alpha = stepSize ?? DefaultStepSize(epsilon, steps);
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
            var best = AttackBatch(model, x, y, epsilon, steps, alpha, randomStart ? generator : null);
            for (var run = 1; run < restarts; run++)
            {
                var next = AttackBatch(model, x, y, epsilon, steps, alpha, generator);
                best = Stronger(model, best, next, y);
            }
            output.narrow(0, start, length).copy_(best);
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

    /// <summary>
    /// Per input, the stronger of two adversarials: a misclassified one beats a correct one, otherwise the
    /// higher cross-entropy wins; ties keep <paramref name="current"/>, so a restart never undoes a success.
    /// </summary>
    private static Tensor Stronger(Module model, Tensor current, Tensor candidate, Tensor y)
    {
        using var noGrad = torch.no_grad();
        var (currentWrong, currentLoss) = Score(model, current, y);
        var (candidateWrong, candidateLoss) = Score(model, candidate, y);
        var better = candidateWrong.logical_and(currentWrong.logical_not())
            .logical_or(candidateWrong.eq(currentWrong).logical_and(candidateLoss.gt(currentLoss)));
        var shape = new long[current.dim()];
        Array.Fill(shape, 1L);
        shape[0] = current.shape[0];
        return torch.where(better.view(shape), candidate, current);
    }

    private static (Tensor Wrong, Tensor Loss) Score(Module model, Tensor x, Tensor y)
    {
        var logits = model.forward(x);
        return (logits.argmax(1).ne(y), nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.None));
    }

    private static Tensor RandomStart(Tensor x, double epsilon, Generator generator)
    {
        var uniform = torch.rand(x.shape, x.dtype, generator.device, generator: generator).to(x.device);
        return (uniform * (2 * epsilon)) - epsilon;
    }
}
