
namespace SweepGrid.Robustness.Models;

/// <summary>
/// Which features of seed 000's CNN are present; the ablations switch one off. <see cref="StepLR"/> is a
/// training switch (read by the training configuration), kept here so one value names the variant.
/// </summary>
public sealed record AblationSwitches(bool Dropout = true, bool BatchNorm = true, bool StepLR = true, bool Pooling = true)
{
    public static readonly AblationSwitches Original = new();

    /// <summary>The variant names accepted by <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> VariantNames { get; } = ["original", "no-dropout", "no-batchnorm", "no-steplr", "conv-instead-of-pool"];

    /// <summary>Parses a variant name (see <see cref="VariantNames"/>).</summary>
    public static AblationSwitches Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "original" => Original,
        "no-dropout" => new AblationSwitches(Dropout: false),
        "no-batchnorm" => new AblationSwitches(BatchNorm: false),
        "no-steplr" => new AblationSwitches(StepLR: false),
        "conv-instead-of-pool" => new AblationSwitches(Pooling: false),
        _ => throw new FormatException($"unknown ablation variant '{name}'; allowed: {string.Join(", ", VariantNames)}"),
    };

    /// <summary>Short variant name as in seed 000's table: original, no-dropout, no-batchnorm, no-steplr, conv-instead-of-pool.</summary>
    public string VariantName => this switch
    {
        { Dropout: true, BatchNorm: true, StepLR: true, Pooling: true } => "original",
        { Dropout: false, BatchNorm: true, StepLR: true, Pooling: true } => "no-dropout",
        { Dropout: true, BatchNorm: false, StepLR: true, Pooling: true } => "no-batchnorm",
        { Dropout: true, BatchNorm: true, StepLR: false, Pooling: true } => "no-steplr",
        { Dropout: true, BatchNorm: true, StepLR: true, Pooling: false } => "conv-instead-of-pool",
        _ => $"dropout={Dropout},batchnorm={BatchNorm},steplr={StepLR},pooling={Pooling}",
    };
}

/// <summary>
/// Seed 000's small CNN ("inspired by LeNet-5, with modern improvements"): two blocks of two stacked
/// 3×3 convolutions (32 then 64 channels, padding 1) each followed by batch norm and ReLU, then max-pool
/// 5×5 stride 2 (padding 2: 28→14→7) and dropout 0.25; fc 3136→128, batch norm, ReLU, dropout 0.5, fc
/// 128→10. The paper gives no channel counts; these are ours and documented in docs/science.md.
/// Ablations drop dropout or batch norm, or replace each pool by a 3×3 stride-2 convolution.
/// </summary>
public sealed class AblationCnn : Module
{
    private readonly TorchSharp.Modules.Sequential network;

    public AblationCnn(AblationSwitches? switches = null, Generator? generator = null) : base(nameof(AblationCnn))
    {
        Switches = switches ?? AblationSwitches.Original;
        network = this.Register("network", nn.Sequential());
        AddBlock(1, 32, generator);
        AddBlock(32, 64, generator);
        network.append(nn.Flatten());
        network.append(Layers.Linear(64 * 7 * 7, 128, generator));
        if (Switches.BatchNorm)
        {
            network.append(nn.BatchNorm1d(128));
        }
        network.append(nn.ReLU());
        if (Switches.Dropout)
        {
            network.append(new SeededDropout(0.5, generator));
        }
        network.append(Layers.Linear(128, 10, generator));
    }

    public AblationSwitches Switches { get; }

    public override Tensor forward(Tensor input)
    {
        using var nhwc = Layers.ChannelsLast(input);
        return network.forward(nhwc);
    }

    private void AddBlock(long inChannels, long channels, Generator? generator)
    {
        network.append(Layers.Conv2d(inChannels, channels, 3, generator, padding: 1));
        AddNormAndRelu(channels);
        network.append(Layers.Conv2d(channels, channels, 3, generator, padding: 1));
        AddNormAndRelu(channels);
        network.append(Switches.Pooling ? nn.MaxPool2d(5, stride: 2, padding: 2) : Layers.Conv2d(channels, channels, 3, generator, stride: 2, padding: 1));
        if (Switches.Dropout)
        {
            network.append(new SeededDropout(0.25, generator));
        }
    }

    private void AddNormAndRelu(long channels)
    {
        if (Switches.BatchNorm)
        {
            network.append(nn.BatchNorm2d(channels));
        }
        network.append(nn.ReLU());
    }
}
