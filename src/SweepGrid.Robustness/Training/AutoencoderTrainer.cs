using System.Diagnostics;
using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Training;

/// <summary>
/// Trains seed 004's denoising autoencoder to reconstruct clean images from inputs it corrupts itself
/// with its input dropout: loss = binary cross-entropy(reconstruction, clean image), mean over pixels.
/// Seed 004 uses Nesterov's accelerated gradient; <see cref="TrainingConfig.Optimizer"/> says which
/// optimizer to use (e.g. SGD with momentum 0.9 and Nesterov). Labels are ignored.
/// The trained autoencoder then sits in front of a classifier as a pre-processing stage
/// (<see cref="Conditions.PreprocessedModel"/>).
/// </summary>
public sealed class AutoencoderTrainer
{
    private readonly TrainingConfig config;

    public AutoencoderTrainer(TrainingConfig config)
    {
        config.Validate();
        this.config = config;
    }

    public TrainingResult Train(DenoisingAutoencoder autoencoder, IBatchSource data, Device device, Generator shuffle, CancellationToken cancellation = default)
    {
        using var optimizer = OptimizerFactory.Create(config.Optimizer, autoencoder);
        var curve = new List<EpochStats>();
        var total = Stopwatch.StartNew();
        long samples = 0;
        autoencoder.train();
        for (var epoch = 1; epoch <= config.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            using var order = torch.randperm(data.Count, generator: shuffle);
            for (long start = 0; start < data.Count; start += config.BatchSize)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return new TrainingResult(TrainingStatus.Cancelled, $"cancelled in epoch {epoch}", curve, total.Elapsed.TotalSeconds, samples);
                }
                var size = Math.Min(config.BatchSize, data.Count - start);
                using var scope = torch.NewDisposeScope();
                var (x, _) = data.Batch(order.narrow(0, start, size), device);
                var loss = nn.functional.binary_cross_entropy(autoencoder.forward(x).clamp(1e-7, 1 - 1e-7), x);
                optimizer.ClearGradients();
                loss.backward();
                optimizer.step();
                var value = loss.item<float>();
                if (!double.IsFinite(value))
                {
                    return new TrainingResult(TrainingStatus.Diverged, $"diverged at epoch {epoch}: reconstruction loss is {value}", curve, total.Elapsed.TotalSeconds, samples);
                }
                lossSum += value * size;
                samples += size;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            // The reconstruction loss stands in for the loss; there is no accuracy to report.
            curve.Add(new EpochStats(epoch, lossSum / data.Count, double.NaN, data.Count / seconds, seconds, optimizer.LearningRate()));
        }
        return new TrainingResult(TrainingStatus.Completed, null, curve, total.Elapsed.TotalSeconds, samples);
    }
}
