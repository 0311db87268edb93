using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>Runs a model over a whole source in eval mode without autograd, batch by batch.</summary>
public static class Predictions
{
    /// <summary>Fraction of correctly classified samples (the model is left in eval mode).</summary>
    public static double Accuracy(Module model, IBatchSource data, Device device, int batchSize = 1000)
    {
        long correct = 0;
        ForEachBatch(model, data, device, batchSize, (logits, labels) => correct += logits.argmax(1).eq(labels).sum().item<long>());
        return data.Count == 0 ? 0 : (double)correct / data.Count;
    }

    /// <summary>Logits [N, K] on the CPU (float32) with the labels [N], in source order.</summary>
    public static (float[] Logits, long[] Labels, int Classes) Logits(Module model, IBatchSource data, Device device, int batchSize = 1000)
    {
        var logits = new List<float>();
        var labels = new List<long>();
        var classes = 0;
        ForEachBatch(model, data, device, batchSize, (z, y) =>
        {
            classes = (int)z.shape[1];
            using var cpu = z.to(torch.CPU);
            logits.AddRange(cpu.data<float>().ToArray());
            using var yCpu = y.to(torch.CPU);
            labels.AddRange(yCpu.data<long>().ToArray());
        });
        return (logits.ToArray(), labels.ToArray(), classes);
    }

    private static void ForEachBatch(Module model, IBatchSource data, Device device, int batchSize, Action<Tensor, Tensor> consume)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        for (long start = 0; start < data.Count; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var positions = torch.arange(start, Math.Min(start + batchSize, data.Count), device: torch.CPU);
            var (x, y) = data.Batch(positions, device);
            consume(model.forward(x), y);
        }
    }
}
