
namespace SweepGrid.Robustness.Models;

/// <summary>Activation of the An et al. CNNs.</summary>
public enum Activation
{
    Relu,
    Gelu,
}

/// <summary>
/// The simple CNNs of An et al. 2020 (seed 001), named by kernel size: input (x − 0.5)·2, then unpadded
/// convolutions without bias, each followed by BatchNorm2d and the activation, no pooling; flatten;
/// linear to 10 without bias; BatchNorm1d(10).
/// M3: ten 3×3 convs, 32…176 channels (1,124,180 parameters); M5: five 5×5 convs, 32…160
/// (1,128,180); M7: four 7×7 convs, 48…192 (2,291,972).
/// </summary>
public sealed class SimpleCnn : Module
{
    private readonly TorchSharp.Modules.Sequential features;
    private readonly TorchSharp.Modules.Linear classifier;
    private readonly TorchSharp.Modules.BatchNorm1d outputNorm;

    public SimpleCnn(int kernelSize, Activation activation = Activation.Relu, Generator? generator = null) : base(nameof(SimpleCnn))
    {
        var (channels, finalSide) = kernelSize switch
        {
            3 => (Enumerable.Range(0, 10).Select(i => 32 + (16 * i)).ToArray(), 8),
            5 => (Enumerable.Range(0, 5).Select(i => 32 * (i + 1)).ToArray(), 8),
            7 => (Enumerable.Range(0, 4).Select(i => 48 * (i + 1)).ToArray(), 4),
            _ => throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "the An et al. CNNs have kernel size 3, 5 or 7"),
        };
        KernelSize = kernelSize;
        Activation = activation;
        features = this.Register("features", nn.Sequential());
        long inChannels = 1;
        foreach (var c in channels)
        {
            features.append(Layers.Conv2d(inChannels, c, kernelSize, generator, bias: false));
            features.append(nn.BatchNorm2d(c));
            features.append(activation == Activation.Gelu ? nn.GELU() : nn.ReLU());
            inChannels = c;
        }
        classifier = this.Register("classifier", Layers.Linear(inChannels * finalSide * finalSide, 10, generator, bias: false));
        outputNorm = this.Register("output_norm", nn.BatchNorm1d(10));
    }

    public int KernelSize { get; }

    public Activation Activation { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var centred = (Layers.ChannelsLast(input) - 0.5) * 2.0;
        var flat = features.forward(centred).flatten(1);
        return outputNorm.forward(classifier.forward(flat)).MoveToOuterDisposeScope();
    }
}
