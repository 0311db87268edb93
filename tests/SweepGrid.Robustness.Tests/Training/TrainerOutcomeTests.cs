using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>How a training ends: completed with a curve, diverged or cancelled — as results, never exceptions.</summary>
public class TrainerOutcomeTests
{
    private static readonly TrainingConfig Quick = new() { Seed = 5, BatchSize = 20, Optimizer = new OptimizerSettings(OptimizerKind.Adam, 1e-2) };

    [Fact]
    public void Sharp_sigmoid_with_a_huge_learning_rate_diverges_in_the_first_epoch_without_throwing()
    {
        using var data = new SyntheticDigitsSource(200, seed: 1);
        var spec = SyntheticTraining.SmallMlp with { Temperature = 1.0 / 64 };
        // The sigmoid saturates at T = 1/64, so the output layer takes the whole step: after one SGD step of
        // 1e38 its float32 logits overflow and the cross-entropy becomes NaN within the first few batches.
        var config = Quick with { Epochs = 3, Optimizer = new OptimizerSettings(OptimizerKind.Sgd, 1e38) };

        var (result, _) = SyntheticTraining.Train(spec, config, data);

        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.NotNull(result.Reason);
        Assert.StartsWith("diverged at epoch 1", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Curve);
    }

    [Fact]
    public void Pre_cancelled_token_ends_training_before_the_first_step()
    {
        using var data = new SyntheticDigitsSource(100, seed: 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var (result, _) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, Quick with { Epochs = 3 }, data, cancellation: cancelled.Token);

        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal("cancelled in epoch 1", result.Reason);
        Assert.Empty(result.Curve);
        Assert.Equal(0, result.Samples);
    }

    [Fact]
    public void Cancelling_from_the_epoch_callback_stops_a_three_epoch_run_after_the_first_epoch()
    {
        using var data = new SyntheticDigitsSource(100, seed: 1);
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();

        var (result, _) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, Quick with { Epochs = 3 }, data,
            stats =>
            {
                seen.Add(stats.Epoch);
                cancellation.Cancel();
            },
            cancellation.Token);

        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal("cancelled in epoch 2", result.Reason);
        Assert.Equal([1], seen);
        Assert.Single(result.Curve);
        Assert.Equal(100, result.Samples);
    }

    [Fact]
    public void Epoch_callback_fires_once_per_epoch_with_the_curve_points()
    {
        using var data = new SyntheticDigitsSource(210, seed: 1);
        var seen = new List<EpochStats>();

        var (result, _) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, Quick with { Epochs = 3 }, data, seen.Add);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Null(result.Reason);
        Assert.Equal([1, 2, 3], seen.Select(s => s.Epoch));
        Assert.Equal(result.Curve, seen);
        Assert.Equal(3 * 210, result.Samples);
        Assert.All(seen, s =>
        {
            Assert.True(double.IsFinite(s.Loss) && s.Loss > 0, $"epoch {s.Epoch}: the mean loss should be a positive number, got {s.Loss}");
            Assert.InRange(s.TrainAccuracy, 0, 1);
            Assert.True(s.Seconds > 0 && s.SamplesPerSecond > 0, $"epoch {s.Epoch}: timings should be positive, got {s.Seconds} s and {s.SamplesPerSecond} samples/s");
            Assert.Equal(1e-2, s.LearningRate);
        });
        Assert.True(seen[2].Loss < seen[0].Loss, $"the loss should fall over three epochs: {seen[0].Loss:F4} → {seen[2].Loss:F4}");
        Assert.True(seen[2].TrainAccuracy > seen[0].TrainAccuracy, $"training accuracy should rise: {seen[0].TrainAccuracy:P1} → {seen[2].TrainAccuracy:P1}");
        Assert.True(result.Seconds >= seen.Sum(s => s.Seconds), "the whole training cannot take less time than its epochs");
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights_and_a_different_seed_does_not()
    {
        using var data = new SyntheticDigitsSource(120, seed: 1);
        var spec = new ModelSpec { Kind = ModelKind.LeNet, Dropout = DropoutLayout.All };
        var config = Quick with { Epochs = 2 };

        var (_, first) = SyntheticTraining.Train(spec, config, data);
        var (_, again) = SyntheticTraining.Train(spec, config, data);
        var (_, other) = SyntheticTraining.Train(spec, config with { Seed = config.Seed + 1 }, data);

        Assert.True(first.AsSpan().SequenceEqual(again), "two trainings with the same seed should give bit-identical weights");
        Assert.False(first.AsSpan().SequenceEqual(other), "trainings with different seeds should give different weights");
    }

    [Fact]
    public void Last_partial_batch_is_trained_on()
    {
        // 105 images in batches of 20: five full batches and one of 5, all counted (DataLoader's default).
        using var data = new SyntheticDigitsSource(105, seed: 1);

        var (result, _) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, Quick, data);

        Assert.Equal(105, result.Samples);
        Assert.True(result.SamplesPerSecond > 0, $"throughput should be positive, got {result.SamplesPerSecond}");
    }

    [Fact]
    public void Trainer_refuses_an_invalid_configuration_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new Trainer(new TrainingConfig { Epochs = 0 }));

        Assert.Contains("epochs must be >= 1", error.Message, StringComparison.Ordinal);
    }
}
