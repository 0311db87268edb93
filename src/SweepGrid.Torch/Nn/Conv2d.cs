namespace SweepGrid.Torch.Nn;

/// <summary>2-D convolution, initialised as PyTorch's nn.Conv2d.</summary>
public sealed class Conv2d : Module
{
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long groups = 1,
        bool bias = true, Generator? generator = null, Device? device = null)
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"channels ({inChannels} in, {outChannels} out) must be divisible by groups ({groups})");
        }
        Stride = stride;
        Padding = padding;
        Groups = groups;
        var fanIn = inChannels / groups * kernelSize * kernelSize;
        Weight = RegisterParameter("weight", Init.DefaultUniform(Tensor.Empty([outChannels, inChannels / groups, kernelSize, kernelSize], device: device), fanIn, generator));
        if (bias)
        {
            Bias = RegisterParameter("bias", Init.DefaultUniform(Tensor.Empty([outChannels], device: device), fanIn, generator));
        }
    }

    public long Stride { get; }
    public long Padding { get; }
    public long Groups { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) =>
        Functional.Conv2d(input, Weight, Bias, (Stride, Stride), (Padding, Padding), groups: Groups);
}
