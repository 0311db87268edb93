using SweepGrid.Robustness.Weights;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>Seed 004's committee: the naturally trained model, then snapshots trained on adversarial examples.</summary>
public class AdversarialCommitteeTests
{
    private static readonly ModelSpec Spec = SyntheticTraining.SmallMlp;
    private static readonly TrainingConfig Natural = new() { Seed = 8, BatchSize = 20, Optimizer = new OptimizerSettings(OptimizerKind.Adam, 1e-2) };

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Committee_of_three_returns_three_distinct_snapshots_that_load_into_fresh_models(double gradientScale)
    {
        using var data = new SyntheticDigitsSource(100, seed: 6);
        using var generator = new Generator(Natural.Seed);
        var settings = new CommitteeSettings(Members: 3, IterationsPerSnapshot: 3, Epsilon: 0.2, GradientScale: gradientScale);

        var result = AdversarialCommittee.Train(Spec, data, Natural, settings, torch.CPU, generator);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Null(result.Reason);
        Assert.Equal(3, result.Snapshots.Count);
        Assert.Single(result.Natural.Curve);
        for (var i = 0; i < 3; i++)
        {
            using var member = SyntheticTraining.Load(Spec, result.Snapshots[i]);
            Assert.True(ModelWeights.Save(member).AsSpan().SequenceEqual(result.Snapshots[i]), $"snapshot {i} should load into a fresh {Spec} unchanged");
            for (var j = i + 1; j < 3; j++)
            {
                Assert.False(result.Snapshots[i].AsSpan().SequenceEqual(result.Snapshots[j]), $"committee members {i} and {j} should differ");
            }
        }
    }

    [Fact]
    public void First_member_is_the_naturally_trained_model()
    {
        using var data = new SyntheticDigitsSource(100, seed: 6);
        using var generator = new Generator(Natural.Seed);

        var result = AdversarialCommittee.Train(Spec, data, Natural, new CommitteeSettings(Members: 2, IterationsPerSnapshot: 2), torch.CPU, generator);
        var (_, natural) = SyntheticTraining.Train(Spec, Natural, data);

        Assert.True(result.Snapshots[0].AsSpan().SequenceEqual(natural), "the first committee member should be exactly the model of plain training with the same seed");
    }

    [Fact]
    public void Cancelled_committee_reports_the_natural_training_outcome_without_snapshots()
    {
        using var data = new SyntheticDigitsSource(100, seed: 6);
        using var generator = new Generator(Natural.Seed);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = AdversarialCommittee.Train(Spec, data, Natural, new CommitteeSettings(Members: 3, IterationsPerSnapshot: 2), torch.CPU, generator, cancelled.Token);

        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Empty(result.Snapshots);
    }

    [Fact]
    public void Committee_refuses_invalid_settings_before_training()
    {
        using var data = new SyntheticDigitsSource(20, seed: 6);
        using var generator = new Generator(1);

        var error = Assert.Throws<ArgumentException>(() =>
            AdversarialCommittee.Train(Spec, data, Natural, new CommitteeSettings(Epsilon: 0), torch.CPU, generator));

        Assert.Contains("committee ε must be in (0, 1]", error.Message, StringComparison.Ordinal);
    }
}
