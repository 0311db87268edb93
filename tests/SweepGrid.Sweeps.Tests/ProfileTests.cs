namespace SweepGrid.Sweeps.Tests;

public sealed class ProfileTests
{
    private const string Spec = """
        study: {name: profiles}
        dataset: {train_limit: 0}
        training: {epochs: 10}
        seeds: 3
        axes:
          model.temperature: [1/8, 1, 4]
          training.batch_size: [32, 64]
        profiles:
          quick:
            training.epochs: 1
            dataset.train_limit: 2000
            dataset.test_limit: 1000
            seeds: 1
          fixed-batch:
            training.batch_size: 128
        """;

    [Fact]
    public void Profile_overrides_settings_and_seeds()
    {
        var plan = Specs.Expand(Spec, "quick");

        Assert.Equal("quick", plan.Profile);
        Assert.Equal(6, plan.Summary.Trainings);
        Assert.All(plan.Trainings, t =>
        {
            Assert.Equal(1, t.Settings!.Training.Epochs);
            Assert.Equal(2000, t.Settings.Dataset.TrainLimit);
            Assert.Equal(1000, t.Settings.Dataset.TestLimit);
        });
        Assert.Equal(18, Specs.Expand(Spec).Summary.Trainings);
    }

    [Fact]
    public void Profile_value_on_an_axis_path_replaces_the_axis()
    {
        var plan = Specs.Expand(Spec, "fixed-batch");

        Assert.Equal(9, plan.Summary.Trainings);
        Assert.All(plan.Trainings, t => Assert.Equal(128, t.Settings!.Training.BatchSize));
        Assert.DoesNotContain("training.batch_size", plan.AxisNames);
    }

    [Fact]
    public void Unknown_profile_is_an_error_with_a_suggestion()
    {
        var error = Assert.Single(Specs.Errors(Spec, profile: "quik"));

        Assert.Equal("profiles", error.Path);
        Assert.Equal("unknown profile 'quik' (did you mean 'quick'?)", error.Message);
    }

    [Fact]
    public void Profile_that_leaves_too_few_seeds_for_an_ensemble_is_an_error()
    {
        var error = Assert.Single(Specs.Errors("""
            study: {name: p}
            seeds: 5
            ensembles: [1, 5]
            profiles:
              quick: {seeds: 2}
            """, profile: "quick"));

        Assert.Equal("ensembles[1]", error.Path);
        Assert.Equal("an ensemble of 5 members differing by seed needs at least 5 seeds; profile 'quick' gives 2", error.Message);
    }

    private const string Narrowing = """
        study: {name: narrow}
        seeds: 2
        axes:
          model.temperature: [1/32, 1/8, 1, 4, 16]
          training.batch_size: [32, 64]
        evaluation:
          - clean
          - fgsm: [0.05, 0.1, 0.2]
          - pixel=3
        profiles:
          quick:
            axes:
              model.temperature: [1/32, 1]
            evaluation: [clean, fgsm=0.1]
        """;

    [Fact]
    public void Profile_axes_narrow_the_grid_and_its_evaluation_replaces_the_list()
    {
        var quick = Specs.Expand(Narrowing, "quick");
        var full = Specs.Expand(Narrowing);

        Assert.Equal(2 * 2 * 2, quick.Summary.Trainings);
        Assert.Equal(5 * 2 * 2, full.Summary.Trainings);
        Assert.Equal(["0.03125", "1"], quick.Trainings.Select(t => t.Axes["model.temperature"].Text).Distinct().Order().ToArray());
        Assert.All(quick.Trainings, t => Assert.Equal(["clean", "fgsm=0.1"], t.Evaluations.Order().ToArray()));
        Assert.All(full.Trainings, t => Assert.Contains("pixel=3", t.Evaluations));
        // The same point under both: the quick trial differs (fewer evaluations), so results never mix silently.
        Assert.Empty(quick.Trainings.Select(t => t.Id).Intersect(full.Trainings.Select(t => t.Id)));
    }

    [Fact]
    public void Profile_axis_that_the_spec_does_not_vary_is_an_error_naming_the_axes()
    {
        var error = Assert.Single(Specs.Errors("""
            study: {name: p}
            axes:
              model.temperature: [1, 2]
            profiles:
              quick:
                axes:
                  training.epochs: [1, 2]
            """));

        Assert.Equal("profiles.quick.axes.training.epochs", error.Path);
        Assert.Equal("'training.epochs' is not an axis of the spec; a profile can narrow the axes model.temperature", error.Message);
    }

    [Fact]
    public void Profile_evaluation_entries_are_checked_like_the_spec_s()
    {
        var error = Assert.Single(Specs.Errors("""
            study: {name: p}
            profiles:
              quick:
                evaluation: [clean, fgsm=2]
            """));

        Assert.StartsWith("profiles.quick.evaluation", error.Path, StringComparison.Ordinal);
    }
}
