namespace SweepGrid.Robustness.Training;

/// <summary>torch.optim optimizers and learning-rate schedules from the typed settings.</summary>
internal static class OptimizerFactory
{
    public static optim.Optimizer Create(OptimizerSettings o, Module model) => o.Kind switch
    {
        OptimizerKind.Sgd => optim.SGD(model.parameters(), o.LearningRate, o.Momentum, nesterov: o.Nesterov, weight_decay: o.WeightDecay),
        OptimizerKind.Adam => new FusedCpuAdam(model.parameters(), o.LearningRate, weightDecay: o.WeightDecay),
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
}
