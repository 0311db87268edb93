using SweepGrid.Torch.Nn;
using SweepGrid.Torch.Optim;

namespace SweepGrid.Robustness.Training;

/// <summary>Builds the binding's optimizers and schedules from the training settings.</summary>
internal static class OptimizerFactory
{
    public static Optimizer Create(OptimizerSettings o, Module model) => o.Kind switch
    {
        OptimizerKind.Sgd => new Sgd(model.Parameters(), o.LearningRate, o.Momentum, nesterov: o.Nesterov, weightDecay: o.WeightDecay),
        OptimizerKind.Adam => new Adam(model.Parameters(), o.LearningRate, weightDecay: o.WeightDecay),
        OptimizerKind.AdamW => new AdamW(model.Parameters(), o.LearningRate, weightDecay: o.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.Kind, "unknown optimizer"),
    };

    public static LearningRateSchedule? CreateSchedule(ScheduleSettings s, Optimizer optimizer) => s.Kind switch
    {
        ScheduleKind.None => null,
        ScheduleKind.Step => new StepLR(optimizer, s.StepSize, s.Gamma),
        ScheduleKind.Exponential => new ExponentialLR(optimizer, s.Gamma),
        ScheduleKind.Inverse => new InverseDecayLR(optimizer, s.Gamma, s.Power),
        _ => throw new ArgumentOutOfRangeException(nameof(s), s.Kind, "unknown schedule"),
    };
}
