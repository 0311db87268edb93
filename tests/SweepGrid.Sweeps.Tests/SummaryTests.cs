namespace SweepGrid.Sweeps.Tests;

public sealed class SummaryTests
{
    [Fact]
    public void Summary_describes_trainings_evaluations_ensembles_and_cost()
    {
        var plan = Specs.Expand("""
            study: {name: committees}
            dataset: {train_limit: 1000, test_limit: 500}
            training: {epochs: 2}
            seeds: 5
            axes:
              model.temperature: [1, 2]
            evaluation: [clean, fgsm=0.1]
            ensembles: [1, 3, 5]
            """);

        var summary = plan.Summary;
        Assert.Equal(10, summary.Trainings);
        Assert.Equal(2, summary.EvaluationsPerTraining);
        Assert.Equal(6, summary.Ensembles);
        Assert.Equal([1, 3, 5], summary.EnsembleSizes);
        Assert.Equal(20_000, summary.TrainingSampleEpochs);
        Assert.True(summary.EstimatedSeconds > 0);
        var lines = summary.Describe();
        Assert.Equal("study committees: 10 trainings, 2 evaluations per training, 6 ensembles", lines[0]);
        Assert.Equal("  axes: model.temperature (2 values); 5 seeds", lines[1]);
        Assert.Equal("  evaluation: clean, fgsm=0.1", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("  cost: 20,000 training sample-epochs", StringComparison.Ordinal));
        // Two grid points x (1 + 3 + 5) member slots, all served by the ten trainings.
        Assert.Equal(18, summary.EnsembleMemberTrainingsShared);
        Assert.Contains("  ensembles: sizes 1, 3, 5; members are shared between sizes (18 member slots served by the study's own trainings)", lines);
    }
}
