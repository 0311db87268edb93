using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>
/// Seed 000's no-steplr ablation removes the schedule even when the study sets one for all variants
/// (sweeps/seed000-ablations.yaml does), so it never trains exactly like the original.
/// </summary>
public class NoStepLrTests
{
    private static readonly ModelSpec Original = new() { Kind = ModelKind.Ablation };
    private static readonly ModelSpec NoStepLr = new() { Kind = ModelKind.Ablation, Ablation = AblationSwitches.Parse("no-steplr") };

    [Theory]
    [InlineData(ScheduleKind.Step)]
    [InlineData(ScheduleKind.Exponential)]
    [InlineData(ScheduleKind.None)]
    public void No_steplr_overrides_the_schedule_the_settings_give(ScheduleKind kind)
    {
        Assert.Equal(ScheduleKind.None, ScheduleDefaults.For(NoStepLr, kind, 3, 0.5).Kind);
        Assert.Equal(kind == ScheduleKind.None ? ScheduleKind.Step : kind, ScheduleDefaults.For(Original, kind, 3, 0.5).Kind);
    }

    [Fact]
    public void No_steplr_trains_differently_from_the_original_under_the_spec_schedule()
    {
        using var data = new SyntheticDigitsSource(256, seed: 3);
        TrainingConfig Config(ModelSpec model) => new()
        {
            Seed = 2,
            Epochs = 2,
            BatchSize = 64,
            Schedule = ScheduleDefaults.For(model, ScheduleKind.Step, 1, 0.5),
        };

        var (original, originalWeights) = SyntheticTraining.Train(Original, Config(Original), data);
        var (ablated, ablatedWeights) = SyntheticTraining.Train(NoStepLr, Config(NoStepLr), data);

        Assert.Equal([0.001, 0.0005], original.Curve.Select(e => Math.Round(e.LearningRate, 10)));
        Assert.Equal([0.001, 0.001], ablated.Curve.Select(e => Math.Round(e.LearningRate, 10)));
        // Same architecture, same seed, same first epoch: only the second epoch's rate tells them apart.
        Assert.Equal(original.Curve[0].Loss, ablated.Curve[0].Loss);
        Assert.NotEqual(original.Curve[1].Loss, ablated.Curve[1].Loss);
        Assert.NotEqual(originalWeights, ablatedWeights);
    }
}
