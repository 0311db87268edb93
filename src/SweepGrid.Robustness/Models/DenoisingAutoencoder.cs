using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

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
    private readonly Dropout inputDropout;
    private readonly Linear[] layers;

    public DenoisingAutoencoder(double inputDropout = 0.2, Generator? generator = null)
    {
        this.inputDropout = RegisterModule("input_dropout", new Dropout(inputDropout, generator));
        layers = new Linear[Widths.Length - 1];
        for (var i = 0; i < layers.Length; i++)
        {
            layers[i] = RegisterModule($"layer{i}", new Linear(Widths[i], Widths[i + 1], generator: generator));
        }
    }

    public override Tensor Forward(Tensor input)
    {
        using var scope = DisposeScope.Begin();
        var x = inputDropout.Forward(input.Flatten(1));
        for (var i = 0; i < layers.Length; i++)
        {
            x = layers[i].Forward(x);
            const int codeLayer = 3;
            if (i == layers.Length - 1)
            {
                x = x.Sigmoid();
            }
            else if (i != codeLayer)
            {
                x = x.Relu();
            }
        }
        return x.Reshape(input.Shape).MoveToOuterDisposeScope();
    }
}
