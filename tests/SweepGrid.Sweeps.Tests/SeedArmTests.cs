using System.Text.Json;

namespace SweepGrid.Sweeps.Tests;

/// <summary>Every seed paper's arms are axes of its spec in sweeps/.</summary>
public sealed class SeedArmTests
{
    private static StudyPlan Load(string name) =>
        StudyPlanner.Expand(SweepSpec.Load(Path.Combine(Specs.RepositoryRoot(), "sweeps", name)), null, Specs.Fingerprint, Specs.ScienceVersion);

    private static JsonElement Training(PlannedTrial trial) => JsonDocument.Parse(trial.Definition).RootElement.GetProperty("training").Clone();

    [Fact]
    public void Seed002_has_the_basic_and_the_mixup_plus_augmentation_arms()
    {
        var arms = Load("seed002-covariate-shift.yaml").Trainings
            .Select(t => (t.Settings!.Training.MixUp, t.Settings.Training.Augmentation.Rotation, t.Settings.Training.Augmentation.Flip))
            .Distinct()
            .ToList();

        Assert.Contains((0.0, 0.0, false), arms);
        Assert.Contains((1.0, 15.0, true), arms);
        Assert.Equal(4, arms.Count);
    }

    [Fact]
    public void Seed001_trains_with_and_without_fashion_mnist_outlier_exposure_and_sweeps_odin()
    {
        var plan = Load("seed001-ensembles.yaml");
        var exposures = plan.Trainings.Select(t => Training(t).GetProperty("outlier_exposure").GetProperty("dataset").GetString()).Distinct();

        Assert.Equal(["none", "fashion-mnist"], exposures);
        var exposed = plan.Trainings.First(t => Training(t).GetProperty("outlier_exposure").GetProperty("dataset").GetString() == "fashion-mnist");
        using var definition = JsonDocument.Parse(exposed.Definition);
        Assert.True(definition.RootElement.GetProperty("dataset").TryGetProperty("outliers", out _), "the outlier set's fingerprint belongs to the weights");
        Assert.Contains("ood=fashion-mnist;epsilon=0.1;temperature=0.33", exposed.Evaluations);
        Assert.NotEqual(exposed.WeightsKey, plan.Trainings.First().WeightsKey);
    }

    [Fact]
    public void Seed003_evaluates_robustness_and_regimes_after_every_epoch_on_both_datasets()
    {
        var plan = Load("seed003-temperature.yaml");

        Assert.Equal(["fashion-mnist", "mnist"], plan.Trainings.Select(t => t.Settings!.Dataset.Name).Distinct().Order());
        Assert.All(plan.Trainings, t => Assert.Contains("epochs:regimes", t.Evaluations));
        Assert.All(plan.Trainings, t => Assert.Contains("epochs:fgsm=0.1", t.Evaluations));
    }

    [Fact]
    public void Seed004_compares_gray_and_white_box_low_pass_entries_with_noise_before_the_filter()
    {
        var evaluations = Load("seed004-dropout.yaml").Trainings.First().Evaluations;

        Assert.Contains("lowpass5:fgsm=0.1", evaluations);
        Assert.Contains("graybox:lowpass5:fgsm=0.1", evaluations);
        Assert.Contains("graybox:lowpass5;noise=0.1:fgsm=0.1", evaluations);
    }

    [Fact]
    public void Seed004_committees_of_six_are_ensembles_of_committee_members_of_both_kinds()
    {
        var plan = Load("seed004-committees.yaml");
        var six = plan.Ensembles.Where(e => e.DependsOn.Count == 6).ToList();

        Assert.Equal(2, six.Count);
        foreach (var committee in six)
        {
            var members = committee.DependsOn.Select(id => plan.Trials.Single(t => t.Id == id)).Select(Training).ToList();
            Assert.Single(members.Select(m => m.GetProperty("committee").GetProperty("kind").GetString()).Distinct());
            Assert.Equal([1, 2, 3, 4, 5, 6], members.Select(m => m.GetProperty("committee").GetProperty("member").GetInt64()).Order());
        }
    }

    [Fact]
    public void Seed000_ablations_are_distinct_trainings()
    {
        var plan = Load("seed000-ablations.yaml");

        Assert.Equal(5, plan.Trainings.Select(t => t.Settings!.Model.Ablation).Distinct().Count());
        Assert.Equal(plan.Trainings.Count(), plan.Trainings.Select(t => t.WeightsKey).Distinct().Count());
    }
}
