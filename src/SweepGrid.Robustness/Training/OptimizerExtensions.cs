namespace SweepGrid.Robustness.Training;

/// <summary>What the training loops need from a torch.optim optimizer beyond step().</summary>
public static class OptimizerExtensions
{
    /// <summary>
    /// Zeroes every parameter's gradient in place, as optimizer.zero_grad() does, but frees the managed
    /// wrapper each <c>Parameter.grad</c> read creates: TorchSharp's zero_grad leaves them to the
    /// finalizer, one per parameter per step (measured as live tensors that grow with every step).
    /// </summary>
    public static void ZeroGradients(this optim.Optimizer optimizer)
    {
        foreach (var parameter in optimizer.parameters())
        {
            using var gradient = parameter.grad;
            gradient?.zero_();
        }
    }

    /// <summary>The learning rate the optimizer steps with now (one parameter group).</summary>
    public static double LearningRate(this optim.Optimizer optimizer) => optimizer.ParamGroups.First().LearningRate;
}
