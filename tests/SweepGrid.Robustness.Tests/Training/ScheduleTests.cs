using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>Learning-rate schedules as the trainer applies them: epoch-level ones per epoch, Caffe's inv per mini-batch.</summary>
public class ScheduleTests
{
    private const double BaseRate = 1e-2;

    // 100 images in batches of 10: ten iterations per epoch.
    private static double[] CurveRates(ScheduleSettings schedule, int epochs = 3)
    {
        using var data = new SyntheticDigitsSource(100, seed: 1);
        var config = new TrainingConfig
        {
            Seed = 2,
            Epochs = epochs,
            BatchSize = 10,
            Optimizer = new OptimizerSettings(OptimizerKind.Sgd, BaseRate, Momentum: 0.9),
            Schedule = schedule,
        };
        var (result, _) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, config, data);
        Assert.Equal(TrainingStatus.Completed, result.Status);
        return result.Curve.Select(s => s.LearningRate).ToArray();
    }

    private static void AssertRates(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * expected[i],
                $"epoch {i + 1} should train with learning rate {expected[i]:R}, got {actual[i]:R} (all: {string.Join(", ", actual)})");
        }
    }

    [Fact]
    public void No_schedule_keeps_the_learning_rate()
    {
        AssertRates([BaseRate, BaseRate, BaseRate], CurveRates(new ScheduleSettings()));
    }

    [Fact]
    public void StepLR_multiplies_the_rate_by_gamma_every_step_size_epochs()
    {
        AssertRates([BaseRate, BaseRate * 0.5, BaseRate * 0.25], CurveRates(new ScheduleSettings(ScheduleKind.Step, StepSize: 1, Gamma: 0.5)));
        AssertRates([BaseRate, BaseRate, BaseRate * 0.1, BaseRate * 0.1], CurveRates(new ScheduleSettings(ScheduleKind.Step, StepSize: 2, Gamma: 0.1), epochs: 4));
    }

    [Fact]
    public void Exponential_schedule_multiplies_the_rate_by_gamma_every_epoch()
    {
        AssertRates([BaseRate, BaseRate * 0.98, BaseRate * 0.98 * 0.98], CurveRates(new ScheduleSettings(ScheduleKind.Exponential, Gamma: 0.98)));
    }

    [Fact]
    public void Inverse_decay_steps_once_per_mini_batch()
    {
        // Caffe's inv: lr·(1 + γ·iteration)^−power; epoch e starts at iteration 10·(e − 1).
        var rates = CurveRates(new ScheduleSettings(ScheduleKind.Inverse, Gamma: 0.01, Power: 0.75));

        AssertRates([BaseRate, BaseRate * Math.Pow(1 + (0.01 * 10), -0.75), BaseRate * Math.Pow(1 + (0.01 * 20), -0.75)], rates);
    }
}
