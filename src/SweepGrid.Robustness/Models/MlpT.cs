
namespace SweepGrid.Robustness.Models;

/// <summary>
/// Seed 003's MLP-T: 784 → hidden (logistic sigmoid with temperature T) → 10. With 256 hidden units it
/// has 203,530 parameters. Takes images [B, 1, 28, 28] (or [B, 784]) in [0, 1] and returns logits.
/// </summary>
public sealed class MlpT : Module
{
    private readonly TorchSharp.Modules.Linear hidden;
    private readonly TorchSharp.Modules.Linear output;
    private readonly TemperatureSigmoid activation;

    public MlpT(double temperature, int hiddenUnits = 256, Generator? generator = null) : base(nameof(MlpT))
    {
        if (!(temperature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the sigmoid temperature must be > 0");
        }
        Temperature = temperature;
        hidden = this.Register("hidden", Layers.Linear(28 * 28, hiddenUnits, generator));
        output = this.Register("output", Layers.Linear(hiddenUnits, 10, generator));
        activation = this.Register("activation", new TemperatureSigmoid(temperature));
    }

    public double Temperature { get; }

    public override Tensor forward(Tensor input)
    {
        using var net = HiddenNetInput(input);
        using var hiddenOutput = activation.forward(net);
        return output.forward(hiddenOutput);
    }

    /// <summary>The hidden layer's net inputs (before the sigmoid): what the activation-regime metrics read.</summary>
    public Tensor HiddenNetInput(Tensor input)
    {
        using var flat = input.dim() == 2 ? input.alias() : input.flatten(1);
        return hidden.forward(flat);
    }
}
