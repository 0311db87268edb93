namespace SweepGrid.Torch.Nn;

/// <summary>Parameter initialisers (torch.nn.init), all seeded through an optional generator.</summary>
public static class Init
{
    /// <summary>
    /// PyTorch's default for Linear and Conv2d: kaiming_uniform_(a = √5) on weights and the bias rule
    /// both reduce to U(−1/√fan_in, 1/√fan_in).
    /// </summary>
    public static Tensor DefaultUniform(Tensor tensor, long fanIn, Generator? generator)
    {
        var bound = fanIn > 0 ? 1.0 / Math.Sqrt(fanIn) : 0;
        return tensor.Uniform_(-bound, bound, generator);
    }

    /// <summary>Caffe's "xavier" filler: U(±√(3/fan_in)).</summary>
    public static Tensor CaffeXavier(Tensor tensor, long fanIn, Generator? generator)
    {
        var bound = Math.Sqrt(3.0 / fanIn);
        return tensor.Uniform_(-bound, bound, generator);
    }
}
