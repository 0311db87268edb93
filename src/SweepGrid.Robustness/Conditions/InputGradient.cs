
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
        using var enabled = torch.enable_grad();
        using var x = batch.detach().requires_grad_();
        using var logits = model.forward(x);
        using var value = loss(logits);
        // A libtorch error inside autograd.grad aborts the process (TorchSharp's native side does not
        // catch there), so the one precondition it checks is checked here first.
        if (value.numel() != 1 || !value.requires_grad)
        {
            throw new InvalidOperationException($"the input gradient needs a scalar loss that depends on the input; got shape [{string.Join(", ", value.shape)}], requires_grad={value.requires_grad}");
        }
        return torch.autograd.grad([value], [x])[0];
    }

    /// <summary>Gradient of the summed cross-entropy against the given labels.</summary>
    public static Tensor OfCrossEntropy(Module model, Tensor batch, Tensor labels) =>
        Of(model, batch, logits => nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum));
}
