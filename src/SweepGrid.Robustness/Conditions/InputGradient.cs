using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Robustness.Conditions;

/// <summary>∇ₓ of a loss of the model's logits, for one mini-batch, without touching parameter gradients.</summary>
internal static class InputGradient
{
    /// <summary>∇ₓ loss(model(x)) for the batch x.</summary>
    /// <param name="model">Already in the mode the caller wants (the attacks use eval mode).</param>
    /// <param name="batch">Inputs; not modified, and their own autograd state is left alone.</param>
    /// <param name="loss">Maps logits to a scalar loss; use sum reduction so each sample's gradient is its own loss's.</param>
    public static Tensor Of(Module model, Tensor batch, Func<Tensor, Tensor> loss)
    {
        using var enabled = Autograd.EnableGrad();
        using var x = batch.Detach().RequiresGrad_();
        using var logits = model.Forward(x);
        using var value = loss(logits);
        return Autograd.Grad(value, x);
    }

    /// <summary>Gradient of the summed cross-entropy against the given labels.</summary>
    public static Tensor OfCrossEntropy(Module model, Tensor batch, Tensor labels) =>
        Of(model, batch, logits => Functional.CrossEntropy(logits, labels, Reduction.Sum));
}
