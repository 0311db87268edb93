using SweepGrid.Torch;
using SweepGrid.Torch.Nn;
using Linear = SweepGrid.Torch.Nn.Linear;

namespace SweepGrid.Robustness.Tests.Conditions;

/// <summary>Small fixed networks and inputs for the condition tests.</summary>
internal static class TinyNetworks
{
    /// <summary>Flatten → Linear(784, hidden) → ReLU → Linear(hidden, 10), weights from a seeded generator.</summary>
    public static Sequential Mlp(ulong seed, int hidden = 16)
    {
        using var generator = new Generator(seed);
        return new Sequential(new Flatten(), new Linear(784, hidden, generator: generator), new ReLU(), new Linear(hidden, 10, generator: generator));
    }

    /// <summary>Writes the MLP's weights as w1, b1, w2, b2 for conditions_parity.py.</summary>
    public static void WriteWeights(Sequential mlp, PythonParity parity)
    {
        var first = (Linear)mlp[1];
        var second = (Linear)mlp[3];
        parity.Write("w1", Values(first.Weight));
        parity.Write("b1", Values(first.Bias!));
        parity.Write("w2", Values(second.Weight));
        parity.Write("b2", Values(second.Bias!));
    }

    /// <summary>A linear model logits = W·flatten(x) + b with W and b given densely ([10, 784] and [10]).</summary>
    public static Sequential LinearModel(float[] weight, float[] bias)
    {
        var linear = new Linear(784, 10);
        using (Autograd.NoGrad())
        {
            using var w = Tensor.From(weight, 10, 784);
            using var b = Tensor.From(bias, 10);
            linear.Weight.Copy_(w);
            linear.Bias!.Copy_(b);
        }
        return new Sequential(new Flatten(), linear);
    }

    /// <summary>[n, 1, 28, 28] uniform images from a seed.</summary>
    public static Tensor RandomImages(long n, ulong seed)
    {
        using var generator = new Generator(seed);
        return SweepGrid.Torch.Random.Rand([n, 1, 28, 28], generator);
    }

    public static float[] Values(Tensor tensor)
    {
        using var detached = tensor.Detach();
        using var contiguous = detached.Contiguous();
        return contiguous.ToArray<float>();
    }

    public static double MaxAbsDifference(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        return expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
    }
}
