using SweepGrid.Robustness.Models;
using Linear = TorchSharp.Modules.Linear;
using Sequential = TorchSharp.Modules.Sequential;

namespace SweepGrid.Robustness.Tests.Conditions;

/// <summary>Small fixed networks and inputs for the condition tests.</summary>
internal static class TinyNetworks
{
    /// <summary>Flatten → Linear(784, hidden) → ReLU → Linear(hidden, 10), weights from a seeded generator.</summary>
    public static Sequential Mlp(ulong seed, int hidden = 16)
    {
        using var generator = new Generator(seed);
        return nn.Sequential(nn.Flatten(), Layers.Linear(784, hidden, generator), nn.ReLU(), Layers.Linear(hidden, 10, generator));
    }

    /// <summary>Writes the MLP's weights as w1, b1, w2, b2 for conditions_parity.py.</summary>
    public static void WriteWeights(Sequential mlp, PythonParity parity)
    {
        var first = (Linear)mlp[1];
        var second = (Linear)mlp[3];
        parity.Write("w1", Values(first.weight!));
        parity.Write("b1", Values(first.bias!));
        parity.Write("w2", Values(second.weight!));
        parity.Write("b2", Values(second.bias!));
    }

    /// <summary>A linear model logits = W·flatten(x) + b with W and b given densely ([10, 784] and [10]).</summary>
    public static Sequential LinearModel(float[] weight, float[] bias)
    {
        var linear = nn.Linear(784, 10);
        using (torch.no_grad())
        {
            using var w = torch.tensor(weight, [10, 784]);
            using var b = torch.tensor(bias, [10]);
            linear.weight!.copy_(w);
            linear.bias!.copy_(b);
        }
        return nn.Sequential(nn.Flatten(), linear);
    }

    /// <summary>[n, 1, 28, 28] uniform images from a seed.</summary>
    public static Tensor RandomImages(long n, ulong seed)
    {
        using var generator = new Generator(seed);
        return torch.rand([n, 1, 28, 28], generator: generator);
    }

    public static float[] Values(Tensor tensor)
    {
        using var detached = tensor.detach();
        using var contiguous = detached.contiguous();
        return contiguous.data<float>().ToArray();
    }

    public static double MaxAbsDifference(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        return expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
    }
}
