
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Seed 003's input-gradient magnitude G(x) = (1/P)·Σᵢ |∂L/∂xᵢ| with L the cross-entropy of that sample alone
/// (sum reduction, so no 1/batch factor), P the number of input components (pixels × channels).
/// </summary>
public static class InputGradientMagnitude
{
    /// <summary>G(x) per input, mini-batch by mini-batch, model in eval mode (modes restored afterwards).</summary>
    /// <remarks>In eval mode samples do not interact, so the gradient of the batch's summed loss is, row by row, each sample's own.</remarks>
    public static float[] PerSample(Module model, Tensor images, Tensor labels, int batchSize = MiniBatches.DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        MiniBatches.CheckImages(images, labels);
        MiniBatches.CheckBatchSize(batchSize);
        var result = new float[images.shape[0]];
        using var eval = new EvalModeScope(model);
        foreach (var (start, length) in MiniBatches.Ranges(images.shape[0], batchSize))
        {
            using var scope = torch.NewDisposeScope();
            var gradient = InputGradient.OfCrossEntropy(model, images.narrow(0, start, length), labels.narrow(0, start, length));
            var magnitude = gradient.abs().flatten(1).mean([1]);
            magnitude.to(ScalarType.Float32, torch.CPU).data<float>().ToArray().CopyTo(result, start);
        }
        return result;
    }
}
