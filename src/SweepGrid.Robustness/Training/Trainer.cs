using System.Diagnostics;
using SweepGrid.Torch;
using SweepGrid.Torch.Nn;
using SweepGrid.Torch.Optim;

namespace SweepGrid.Robustness.Training;

/// <summary>
/// Trains a classifier with mini-batch gradient descent on cross-entropy. Shuffles with its own seeded
/// generator each epoch, keeps the last partial batch (PyTorch DataLoader's default), and frees every
/// per-step tensor in a dispose scope. A NaN/Inf loss ends training as <see cref="TrainingStatus.Diverged"/>
/// with the epoch; cancellation ends it as <see cref="TrainingStatus.Cancelled"/>.
/// </summary>
public sealed class Trainer
{
    private readonly TrainingConfig config;

    public Trainer(TrainingConfig config)
    {
        config.Validate();
        this.config = config;
    }

    /// <summary>Called after every epoch (progress bars, heartbeats).</summary>
    public event Action<EpochStats>? EpochCompleted;

    public TrainingResult Train(Module model, IBatchSource data, Device device, Generator shuffle, CancellationToken cancellation = default)
    {
        using var optimizer = CreateOptimizer(model);
        var schedule = CreateSchedule(optimizer);
        var perIteration = config.Schedule.Kind == ScheduleKind.Inverse;
        var curve = new List<EpochStats>();
        var total = Stopwatch.StartNew();
        long samples = 0;
        model.Train();
        for (var epoch = 1; epoch <= config.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            double lossSum = 0;
            long correct = 0;
            using var order = SweepGrid.Torch.Random.Randperm(data.Count, shuffle);
            for (long start = 0; start < data.Count; start += config.BatchSize)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return new TrainingResult(TrainingStatus.Cancelled, $"cancelled in epoch {epoch}", curve, total.Elapsed.TotalSeconds, samples);
                }
                var size = Math.Min(config.BatchSize, data.Count - start);
                using var scope = DisposeScope.Begin();
                var (x, y) = data.Batch(order.Narrow(0, start, size), device);
                var logits = model.Forward(x);
                var loss = Functional.CrossEntropy(logits, y);
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                var value = loss.Item();
                if (!double.IsFinite(value))
                {
                    return new TrainingResult(TrainingStatus.Diverged, $"diverged at epoch {epoch}: loss is {value}", curve, total.Elapsed.TotalSeconds, samples);
                }
                lossSum += value * size;
                correct += logits.Argmax(1).Eq(y).Sum().ItemInt64();
                samples += size;
                if (perIteration)
                {
                    schedule?.Step();
                }
            }
            if (!perIteration)
            {
                schedule?.Step();
            }
            var seconds = epochClock.Elapsed.TotalSeconds;
            var stats = new EpochStats(epoch, lossSum / data.Count, (double)correct / data.Count, data.Count / seconds, seconds, optimizer.LearningRate);
            curve.Add(stats);
            EpochCompleted?.Invoke(stats);
        }
        return new TrainingResult(TrainingStatus.Completed, null, curve, total.Elapsed.TotalSeconds, samples);
    }

    private Optimizer CreateOptimizer(Module model)
    {
        var o = config.Optimizer;
        return o.Kind switch
        {
            OptimizerKind.Sgd => new Sgd(model.Parameters(), o.LearningRate, o.Momentum, nesterov: o.Nesterov, weightDecay: o.WeightDecay),
            OptimizerKind.Adam => new Adam(model.Parameters(), o.LearningRate, weightDecay: o.WeightDecay),
            OptimizerKind.AdamW => new AdamW(model.Parameters(), o.LearningRate, weightDecay: o.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(model), o.Kind, "unknown optimizer"),
        };
    }

    private LearningRateSchedule? CreateSchedule(Optimizer optimizer)
    {
        var s = config.Schedule;
        return s.Kind switch
        {
            ScheduleKind.None => null,
            ScheduleKind.Step => new StepLR(optimizer, s.StepSize, s.Gamma),
            ScheduleKind.Exponential => new ExponentialLR(optimizer, s.Gamma),
            ScheduleKind.Inverse => new InverseDecayLR(optimizer, s.Gamma, s.Power),
            _ => throw new ArgumentOutOfRangeException(nameof(optimizer), s.Kind, "unknown schedule"),
        };
    }
}
