using System.Diagnostics;

namespace SweepGrid.Robustness.Training;

/// <summary>
/// Trains a classifier with mini-batch gradient descent on cross-entropy, with the augmentation, MixUp and
/// adversarial training of its <see cref="TrainingConfig"/> (see <see cref="TrainingStep"/>). Shuffles with its own seeded
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

    /// <summary>The outlier images of outlier exposure; required when the configuration turns it on.</summary>
    public IBatchSource? Outliers { get; init; }

    /// <summary>Called after every epoch (progress bars, heartbeats).</summary>
    public event Action<EpochStats>? EpochCompleted;

    public TrainingResult Train(Module model, IBatchSource data, Device device, Generator shuffle, CancellationToken cancellation = default)
    {
        // Also set by TrialRunner for whole trials; here for callers that train directly (benchmarks, tests).
        TorchRuntime.FlushDenormalsOnThisThread();
        using var optimizer = OptimizerFactory.Create(config.Optimizer, model);
        var schedule = OptimizerFactory.CreateSchedule(config.Schedule, optimizer);
        var perIteration = config.Schedule.Kind == ScheduleKind.Inverse;
        if (config.OutlierExposure is not null && Outliers is null)
        {
            throw new ArgumentException($"outlier exposure needs the outlier images of {config.OutlierExposure.Dataset}");
        }
        var step = new TrainingStep(config, Outliers);
        var curve = new List<EpochStats>();
        var total = Stopwatch.StartNew();
        long samples = 0;
        model.train();
        for (var epoch = 1; epoch <= config.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            // The rate this epoch trained with: read before the schedule steps to the next epoch's rate.
            var learningRate = optimizer.LearningRate();
            double lossSum = 0;
            long correct = 0;
            using var order = torch.randperm(data.Count, generator: shuffle);
            for (long start = 0; start < data.Count; start += config.BatchSize)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return new TrainingResult(TrainingStatus.Cancelled, $"cancelled in epoch {epoch}", curve, total.Elapsed.TotalSeconds, samples);
                }
                var size = Math.Min(config.BatchSize, data.Count - start);
                using var scope = torch.NewDisposeScope();
                var (x, y) = data.Batch(order.narrow(0, start, size), device);
                var (loss, logits) = step.Compute(model, x, y, epoch, shuffle);
                optimizer.ClearGradients();
                loss.backward();
                optimizer.step();
                var value = loss.item<float>();
                if (!double.IsFinite(value))
                {
                    return new TrainingResult(TrainingStatus.Diverged, $"diverged at epoch {epoch}: loss is {value}", curve, total.Elapsed.TotalSeconds, samples);
                }
                lossSum += value * size;
                correct += logits.argmax(1).eq(y).sum().item<long>();
                samples += size;
                if (perIteration)
                {
                    schedule?.step();
                }
            }
            if (!perIteration)
            {
                schedule?.step();
            }
            var seconds = epochClock.Elapsed.TotalSeconds;
            var stats = new EpochStats(epoch, lossSum / data.Count, (double)correct / data.Count, data.Count / seconds, seconds, learningRate);
            curve.Add(stats);
            EpochCompleted?.Invoke(stats);
        }
        return new TrainingResult(TrainingStatus.Completed, null, curve, total.Elapsed.TotalSeconds, samples);
    }
}
