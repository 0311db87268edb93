using SweepGrid.Robustness.Training;
using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>Runs a model over a whole source in eval mode without autograd, batch by batch.</summary>
public static class Predictions
{
    /// <summary>Fraction of correctly classified samples (the model is left in eval mode).</summary>
    public static double Accuracy(Module model, IBatchSource data, Device device, int batchSize = 1000)
    {
        long correct = 0;
        ForEachBatch(model, data, device, batchSize, (logits, labels) => correct += logits.Argmax(1).Eq(labels).Sum().ItemInt64());
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
            classes = (int)z.Shape[1];
            using var cpu = z.To(Device.Cpu);
            logits.AddRange(cpu.ToArray<float>());
            using var yCpu = y.To(Device.Cpu);
            labels.AddRange(yCpu.ToArray<long>());
        });
        return (logits.ToArray(), labels.ToArray(), classes);
    }

    private static void ForEachBatch(Module model, IBatchSource data, Device device, int batchSize, Action<Tensor, Tensor> consume)
    {
        model.Eval();
        using var noGrad = Autograd.NoGrad();
        for (long start = 0; start < data.Count; start += batchSize)
        {
            using var scope = DisposeScope.Begin();
            var positions = Tensor.Arange(start, Math.Min(start + batchSize, data.Count), device: Device.Cpu);
            var (x, y) = data.Batch(positions, device);
            consume(model.Forward(x), y);
        }
    }
}
