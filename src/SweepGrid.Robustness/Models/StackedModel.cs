using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Robustness.Models;

/// <summary>
/// A pre-processing stage in front of a classifier (e.g. a denoising autoencoder or a low-pass filter
/// before LeNet). Gradients flow through both, so attacks see the whole stack.
/// </summary>
public sealed class StackedModel : Module
{
    private readonly Module stage;
    private readonly Module classifier;

    public StackedModel(Module stage, Module classifier)
    {
        this.stage = RegisterModule("stage", stage);
        this.classifier = RegisterModule("classifier", classifier);
    }

    public override Tensor Forward(Tensor input)
    {
        using var cleaned = stage.Forward(input);
        return classifier.Forward(cleaned);
    }
}
