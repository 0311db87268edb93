
namespace SweepGrid.Robustness.Models;

/// <summary>
/// Seed 004's denoising autoencoder 784-1000-500-250-30-250-500-1000-784: ReLU hidden layers, a linear
/// 30-unit code and a sigmoid output, so reconstructions are images in [0, 1]. Denoising comes from
/// dropout on the input layer while training (rate the constructor's inputDropout). Returns images of
/// the input's shape, so it can be stacked in front of any classifier (see <see cref="Conditions.PreprocessedModel"/>).
/// </summary>
public sealed class DenoisingAutoencoder : Module
{
    private static readonly int[] Widths = [784, 1000, 500, 250, 30, 250, 500, 1000, 784];
    private readonly SeededDropout inputDropout;
    private readonly TorchSharp.Modules.Linear[] layers;

    public DenoisingAutoencoder(double inputDropout = 0.2, Generator? generator = null) : base(nameof(DenoisingAutoencoder))
    {
        this.inputDropout = this.Register("input_dropout", new SeededDropout(inputDropout, generator));
        layers = new TorchSharp.Modules.Linear[Widths.Length - 1];
        for (var i = 0; i < layers.Length; i++)
        {
            layers[i] = this.Register($"layer{i}", Layers.Linear(Widths[i], Widths[i + 1], generator));
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = inputDropout.forward(input.flatten(1));
        for (var i = 0; i < layers.Length; i++)
        {
            x = layers[i].forward(x);
            const int codeLayer = 3;
            if (i == layers.Length - 1)
            {
                x = x.sigmoid();
            }
            else if (i != codeLayer)
            {
                x = x.relu();
            }
        }
        return x.reshape(input.shape).MoveToOuterDisposeScope();
    }
}
