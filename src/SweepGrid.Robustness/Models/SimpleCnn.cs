using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

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
    private readonly Sequential features;
    private readonly Linear classifier;
    private readonly BatchNorm1d outputNorm;

    public SimpleCnn(int kernelSize, Activation activation = Activation.Relu, Generator? generator = null)
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
        features = RegisterModule("features", new Sequential());
        long inChannels = 1;
        foreach (var c in channels)
        {
            features.Add(new Conv2d(inChannels, c, kernelSize, bias: false, generator: generator));
            features.Add(new BatchNorm2d(c));
            features.Add(activation == Activation.Gelu ? new GELU() : new ReLU());
            inChannels = c;
        }
        classifier = RegisterModule("classifier", new Linear(inChannels * finalSide * finalSide, 10, bias: false, generator: generator));
        outputNorm = RegisterModule("output_norm", new BatchNorm1d(10));
    }

    public int KernelSize { get; }

    public Activation Activation { get; }

    public override Tensor Forward(Tensor input)
    {
        using var scope = DisposeScope.Begin();
        var centred = (input - 0.5) * 2.0;
        var flat = features.Forward(centred).Flatten(1);
        return outputNorm.Forward(classifier.Forward(flat)).MoveToOuterDisposeScope();
    }
}
