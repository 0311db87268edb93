using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Robustness.Models;

/// <summary>
/// Seed 003's MLP-T: 784 → hidden (logistic sigmoid with temperature T) → 10. With 256 hidden units it
/// has 203,530 parameters. Takes images [B, 1, 28, 28] (or [B, 784]) in [0, 1] and returns logits.
/// </summary>
public sealed class MlpT : Module
{
    private readonly Linear hidden;
    private readonly Linear output;

    public MlpT(double temperature, int hiddenUnits = 256, Generator? generator = null)
    {
        if (!(temperature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the sigmoid temperature must be > 0");
        }
        Temperature = temperature;
        hidden = RegisterModule("hidden", new Linear(28 * 28, hiddenUnits, generator: generator));
        output = RegisterModule("output", new Linear(hiddenUnits, 10, generator: generator));
    }

    public double Temperature { get; }

    public override Tensor Forward(Tensor input)
    {
        using var net = HiddenNetInput(input);
        using var activation = Functional.TemperatureSigmoid(net, Temperature);
        return output.Forward(activation);
    }

    /// <summary>The hidden layer's net inputs (before the sigmoid): what the activation-regime metrics read.</summary>
    public Tensor HiddenNetInput(Tensor input)
    {
        using var flat = input.Dim == 2 ? input.Alias() : input.Flatten(1);
        return hidden.Forward(flat);
    }
}
