
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// ODIN out-of-distribution score (Liang et al.; seed 001), as definitions.md fixes it: with ŷ = argmax z(x),
/// x̃ = clamp(x − ε·sign(∇ₓ CE(z(x)/T, ŷ)), 0, 1) and score = max softmax(z(x̃)/T). The clamp to [0, 1] is
/// SweepGrid's choice (the original code perturbs normalised inputs without one). Higher means more
/// in-distribution; use −score as the anomaly score.
/// </summary>
public static class Odin
{
    public const double DefaultTemperature = 1000;

    public const double DefaultEpsilon = 0.0014;

    /// <summary>The pre-processed inputs x̃, mini-batch by mini-batch, model in eval mode (modes restored afterwards).</summary>
    public static Tensor Perturb(Module model, Tensor images, double temperature = DefaultTemperature, double epsilon = DefaultEpsilon,
        int batchSize = MiniBatches.DefaultSize)
    {
        Check(model, images, temperature, epsilon, batchSize);
        var output = torch.empty(images.shape, images.dtype, images.device);
        using var eval = new EvalModeScope(model);
        foreach (var (start, length) in MiniBatches.Ranges(images.shape[0], batchSize))
        {
            using var scope = torch.NewDisposeScope();
            output.narrow(0, start, length).copy_(PerturbBatch(model, images.narrow(0, start, length), temperature, epsilon));
        }
        return output;
    }

    /// <summary>ODIN scores, one per input.</summary>
    public static float[] Scores(Module model, Tensor images, double temperature = DefaultTemperature, double epsilon = DefaultEpsilon,
        int batchSize = MiniBatches.DefaultSize)
    {
        Check(model, images, temperature, epsilon, batchSize);
        var scores = new float[images.shape[0]];
        using var eval = new EvalModeScope(model);
        foreach (var (start, length) in MiniBatches.Ranges(images.shape[0], batchSize))
        {
            using var scope = torch.NewDisposeScope();
            var perturbed = PerturbBatch(model, images.narrow(0, start, length), temperature, epsilon);
            using var noGrad = torch.no_grad();
            var (maxProbability, _) = nn.functional.softmax(model.forward(perturbed) / temperature, 1).max(1);
            maxProbability.to(ScalarType.Float32, torch.CPU).data<float>().ToArray().CopyTo(scores, start);
        }
        return scores;
    }

    private static Tensor PerturbBatch(Module model, Tensor x, double temperature, double epsilon)
    {
        Tensor predicted;
        using (torch.no_grad())
        {
            predicted = model.forward(x).argmax(1);
        }
        var gradient = InputGradient.Of(model, x, logits =>
        {
            using var scaled = logits / temperature;
            return nn.functional.cross_entropy(scaled, predicted, reduction: nn.Reduction.Sum);
        });
        using var noGrad = torch.no_grad();
        return (x - (gradient.sign() * epsilon)).clamp(0, 1);
    }

    private static void Check(Module model, Tensor images, double temperature, double epsilon, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        MiniBatches.CheckImages(images);
        MiniBatches.CheckEpsilon(epsilon);
        MiniBatches.CheckBatchSize(batchSize);
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the ODIN temperature must be a finite number > 0");
        }
    }
}
