
namespace SweepGrid.Robustness.Models;

/// <summary>The architectures SweepGrid knows, by the names used in specs and on the command line.</summary>
public enum ModelKind
{
    /// <summary>MLP-T (seed 003).</summary>
    Mlp,
    /// <summary>Caffe's LeNet with a dropout layout (seed 004).</summary>
    LeNet,
    /// <summary>An et al.'s CNN with 3×3 kernels (seed 001).</summary>
    M3,
    M5,
    M7,
    /// <summary>Seed 000's CNN with ablation switches.</summary>
    Ablation,
}

/// <summary>
/// Everything that determines a model's architecture (not its training). Immutable and comparable, so it
/// can be part of a trial's identity.
/// </summary>
public sealed record ModelSpec
{
    public ModelKind Kind { get; init; } = ModelKind.Mlp;

    /// <summary>MLP-T's sigmoid temperature T.</summary>
    public double Temperature { get; init; } = 1.0;

    public int HiddenUnits { get; init; } = 256;

    public DropoutLayout Dropout { get; init; } = DropoutLayout.None;

    public Activation Activation { get; init; } = Activation.Relu;

    public AblationSwitches Ablation { get; init; } = AblationSwitches.Original;

    /// <summary>Builds the model, drawing initial weights (and later dropout masks) from <paramref name="generator"/>.</summary>
    public Module Create(Generator generator) => Kind switch
    {
        ModelKind.Mlp => new MlpT(Temperature, HiddenUnits, generator),
        ModelKind.LeNet => new LeNet(Dropout, generator),
        ModelKind.M3 => new SimpleCnn(3, Activation, generator),
        ModelKind.M5 => new SimpleCnn(5, Activation, generator),
        ModelKind.M7 => new SimpleCnn(7, Activation, generator),
        ModelKind.Ablation => new AblationCnn(Ablation, generator),
        _ => throw new ArgumentOutOfRangeException(nameof(generator), Kind, "unknown model kind"),
    };

    /// <summary>Parses a model name: mlp, lenet, m3, m5, m7 or ablation.</summary>
    public static ModelKind ParseKind(string name) => (name ?? throw new ArgumentNullException(nameof(name))).Trim().ToLowerInvariant() switch
    {
        "mlp" or "mlp-t" => ModelKind.Mlp,
        "lenet" => ModelKind.LeNet,
        "m3" => ModelKind.M3,
        "m5" => ModelKind.M5,
        "m7" => ModelKind.M7,
        "ablation" => ModelKind.Ablation,
        _ => throw new FormatException($"unknown model '{name}'; allowed: mlp, lenet, m3, m5, m7, ablation"),
    };

    /// <summary>A short human-readable description, e.g. "mlp T=0.125" or "lenet dropout=all".</summary>
    public override string ToString() => Kind switch
    {
        ModelKind.Mlp => $"mlp T={Temperature:G6}",
        ModelKind.LeNet => $"lenet dropout={Dropout}",
        ModelKind.M3 or ModelKind.M5 or ModelKind.M7 => $"{Kind.ToString().ToLowerInvariant()} {Activation.ToString().ToLowerInvariant()}",
        _ => $"ablation {Ablation.VariantName}",
    };
}
