namespace SweepGrid.Robustness.Training;

/// <summary>torch.optim optimizers and learning-rate schedules from the typed settings.</summary>
internal static class OptimizerFactory
{
    public static optim.Optimizer Create(OptimizerSettings o, Module model) => o.Kind switch
    {
        OptimizerKind.Sgd => optim.SGD(model.parameters(), o.LearningRate, o.Momentum, nesterov: o.Nesterov, weight_decay: o.WeightDecay),
        OptimizerKind.Adam => optim.Adam(model.parameters(), o.LearningRate, weight_decay: o.WeightDecay),
        OptimizerKind.AdamW => optim.AdamW(model.parameters(), o.LearningRate, weight_decay: o.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.Kind, "unknown optimizer"),
    };

    /// <summary>
    /// Step: lr·γ^⌊epoch/step⌋; exponential: lr·γ^epoch; inverse (Caffe's "inv", stepped per iteration):
    /// lr·(1 + γ·iteration)^(−power).
    /// </summary>
    public static optim.lr_scheduler.LRScheduler? CreateSchedule(ScheduleSettings s, optim.Optimizer optimizer) => s.Kind switch
    {
        ScheduleKind.None => null,
        ScheduleKind.Step => optim.lr_scheduler.StepLR(optimizer, s.StepSize, s.Gamma),
        ScheduleKind.Exponential => optim.lr_scheduler.ExponentialLR(optimizer, s.Gamma),
        ScheduleKind.Inverse => optim.lr_scheduler.LambdaLR(optimizer, iteration => Math.Pow(1 + (s.Gamma * iteration), -s.Power)),
        _ => throw new ArgumentOutOfRangeException(nameof(s), s.Kind, "unknown schedule"),
    };

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
