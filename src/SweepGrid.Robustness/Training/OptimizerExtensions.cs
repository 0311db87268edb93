namespace SweepGrid.Robustness.Training;

/// <summary>What the training loops need from a torch.optim optimizer beyond step().</summary>
public static class OptimizerExtensions
{
    /// <summary>
    /// Drops every parameter's gradient (PyTorch's <c>zero_grad(set_to_none=True)</c>, its default since
    /// 2.0): the next backward writes fresh gradients instead of adding into zeroed ones. TorchSharp's own
    /// zero_grad zeroes in place, which costs a fill per parameter and an accumulating backward, and leaves
    /// one managed wrapper per parameter and step to the finalizer (bench/README.md, per-step profile).
    /// </summary>
    public static void ClearGradients(this optim.Optimizer optimizer)
    {
        foreach (var parameter in optimizer.parameters())
        {
            parameter.grad = null;
        }
    }

    /// <summary>The learning rate the optimizer steps with now (one parameter group).</summary>
    public static double LearningRate(this optim.Optimizer optimizer) => optimizer.ParamGroups.First().LearningRate;
}
