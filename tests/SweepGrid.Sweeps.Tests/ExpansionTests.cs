namespace SweepGrid.Sweeps.Tests;

public sealed class ExpansionTests
{
    [Fact]
    public void Eleven_temperatures_times_three_seeds_give_thirty_three_trainings()
    {
        var plan = Specs.Expand("""
            study: {name: temperature}
            seeds: 3
            axes:
              model.temperature: {geometric: {from: 1/64, to: 16, factor: 2}}
            """);

        Assert.Equal(33, plan.Summary.Trainings);
        Assert.Equal(33, plan.Trials.Count);
        Assert.Equal(33, plan.Trials.Select(t => t.Id).Distinct().Count());
        Assert.All(plan.Trials, t => Assert.Equal(TrialKind.Train, t.Kind));
        // First axis outermost, seed innermost.
        Assert.Equal([1, 2, 3], plan.Trials.Take(3).Select(t => t.Settings!.Training.Seed));
        Assert.All(plan.Trials.Take(3), t => Assert.Equal(1.0 / 64, t.Settings!.Model.Temperature));
        Assert.Equal(["model.temperature", "seed"], plan.AxisNames);
        Assert.Equal(new AxisValue("0.015625", 0.015625), plan.Trials[0].Axes["model.temperature"]);
        Assert.Equal(new AxisValue("1", 1), plan.Trials[0].Axes["seed"]);
    }

    [Fact]
    public void Ensembles_of_one_three_and_five_over_five_seeds_share_their_members()
    {
        var plan = Specs.Expand("""
            study: {name: committees}
            model: {kind: lenet}
            seeds: 5
            ensembles: [1, 3, 5]
            """);

        var trainings = plan.Trainings.ToList();
        var ensembles = plan.Ensembles.ToList();
        Assert.Equal(5, trainings.Count);
        Assert.Equal(3, ensembles.Count);
        Assert.Equal(3, plan.Summary.Ensembles);
        Assert.Equal([1, 3, 5], ensembles.Select(e => e.DependsOn.Count));
        Assert.Equal(trainings.Take(3).Select(t => t.Id), ensembles[1].DependsOn);
        Assert.Equal(trainings.Select(t => t.Id), ensembles[2].DependsOn);
        Assert.Equal(ensembles[1].DependsOn, ensembles[2].DependsOn.Take(3));
        Assert.All(ensembles, e => Assert.Null(e.WeightsKey));
        Assert.Equal(new AxisValue("3", 3), ensembles[1].Axes["ensemble.size"]);
        // Dependencies come first, so a plan can be submitted in order.
        var position = plan.Trials.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i);
        Assert.All(ensembles, e => Assert.All(e.DependsOn, id => Assert.True(position[id] < position[e.Id])));
    }

    [Fact]
    public void Heterogeneous_members_are_trained_once_per_seed_and_shared_between_sizes()
    {
        var plan = Specs.Expand("""
            study: {name: kernels}
            model: {kind: m3}
            seeds: 2
            ensembles:
              sizes: [1, 3]
              members: [{model.kind: m3}, {model.kind: m5}, {model.kind: m7}]
            """);

        // m3 from the grid is also member 1, so it is not trained twice: 3 kinds x 2 seeds.
        Assert.Equal(6, plan.Summary.Trainings);
        Assert.Equal(4, plan.Summary.Ensembles);
        var m5 = plan.Trainings.Where(t => t.Settings!.Model.Kind == "m5").ToList();
        Assert.Equal(2, m5.Count);
        Assert.Equal(new AxisValue("m5", null), m5[0].Axes["model.kind"]);
        var three = plan.Ensembles.Where(e => e.DependsOn.Count == 3).ToList();
        Assert.Equal(2, three.Count);
        Assert.All(three, e => Assert.Equal(["m3", "m5", "m7"],
            e.DependsOn.Select(id => plan.Trials.Single(t => t.Id == id).Settings!.Model.Kind)));
    }

    [Fact]
    public void Zip_axes_move_together_and_multiply_with_other_axes()
    {
        var plan = Specs.Expand("""
            study: {name: zipped}
            axes:
              zip:
                model.kind: [m3, m5, m7]
                training.batch_size: [120, 100, 80]
              model.activation: [relu, gelu]
            """);

        Assert.Equal(6, plan.Summary.Trainings);
        Assert.Equal(["m3/120", "m5/100", "m7/80"],
            plan.Trainings.Select(t => $"{t.Settings!.Model.Kind}/{t.Settings.Training.BatchSize}").Distinct());
        Assert.Equal(["model.kind", "training.batch_size", "model.activation", "seed"], plan.AxisNames);
    }

    [Fact]
    public void Zipped_columns_may_repeat_a_value()
    {
        var plan = Specs.Expand("""
            study: {name: zipped}
            axes:
              zip: {model.kind: [m3, m5, m7], training.batch_size: [120, 120, 120]}
            """);

        Assert.Equal(3, plan.Summary.Trainings);
    }

    [Fact]
    public void Evaluation_axes_add_conditions_but_never_trainings()
    {
        var plan = Specs.Expand("""
            study: {name: shift}
            evaluation:
              - clean
              - brightness: [0.8, 0.9, 1.1, 1.2]
              - blur: [0.3, 0.5]
              - fgsm: [0.05, 0.1]
              - pgd100: [0.1]
              - ood: [noise, fashion-mnist]
              - lowpass5: [fgsm=0.1]
              - pixel: 2
              - calibration: true
              - temperature_scaling: false
            """);

        Assert.Equal(1, plan.Summary.Trainings);
        Assert.Equal(
            ["clean", "blur=0.3", "blur=0.5", "brightness=0.8", "brightness=0.9", "brightness=1.1", "brightness=1.2", "ece",
             "fgsm=0.05", "fgsm=0.1", "lowpass5:fgsm=0.1", "ood=fashion-mnist", "ood=noise", "pgd100=0.1", "pixel=2"],
            plan.Trials[0].Evaluations);
        Assert.Equal(15, plan.Summary.EvaluationsPerTraining);
    }

    [Fact]
    public void Evaluation_entries_are_canonical_whatever_their_spelling()
    {
        var plan = Specs.Expand("""
            study: {name: spelling}
            evaluation: [Brightness=0.80, brightness=4/5, blur5=0.5, pgd40=1e-1, fgsm=.1]
            """);

        Assert.Equal(["clean", "blur=0.5", "brightness=0.8", "fgsm=0.1", "pgd=0.1"], plan.Trials[0].Evaluations);
    }

    [Fact]
    public void Settings_without_a_value_take_their_documented_defaults()
    {
        var settings = Specs.Expand("study: {name: defaults}").Trials.Single().Settings!;

        Assert.Equal(new DatasetSettings("mnist", 0, 0, 0), settings.Dataset);
        Assert.Equal(new ModelSettings("mlp", 1, 256, "none", "relu", "original"), settings.Model);
        Assert.Equal(1, settings.Training.Epochs);
        Assert.Equal(64, settings.Training.BatchSize);
        Assert.Equal(new OptimizerSettings("adam", 0.001, 0, false, 0), settings.Training.Optimizer);
        Assert.Equal(new ScheduleSettings("none", 1, null), settings.Training.Schedule);
        Assert.Equal(1, settings.Training.Seed);
    }

    [Fact]
    public void Schedule_gamma_defaults_by_kind_and_a_kind_alone_may_stand_for_its_group()
    {
        var settings = Specs.Expand("""
            study: {name: schedule}
            training:
              optimizer: sgd
              schedule: exponential
            """).Trials.Single().Settings!;

        Assert.Equal("sgd", settings.Training.Optimizer.Kind);
        Assert.Equal(new ScheduleSettings("exponential", 1, 0.98), settings.Training.Schedule);
    }

    [Fact]
    public void Staged_adversarial_training_expands_the_seed001_preset()
    {
        var settings = Specs.Expand("""
            study: {name: adversarial}
            training: {adversarial: {epsilon: 0.3, stages: seed001}}
            """).Trials.Single().Settings!;

        Assert.Equal([new(1, 0.1), new(3, 0.5), new(3, 0.75)], settings.Training.Adversarial.Stages);
        Assert.Equal(0.3, settings.Training.Adversarial.Epsilon);
    }

    [Fact]
    public void Seeds_may_be_a_count_or_a_list()
    {
        Assert.Equal([1, 2, 3], Specs.Expand("study: {name: s}\nseeds: 3").Trials.Select(t => t.Settings!.Training.Seed));
        Assert.Equal([7, 42], Specs.Expand("study: {name: s}\nseeds: [7, 42]").Trials.Select(t => t.Settings!.Training.Seed));
    }

    [Fact]
    public void A_grid_beyond_the_limit_is_refused_with_its_size()
    {
        var yaml = """
            study: {name: huge}
            seeds: 16
            axes:
              model.temperature: {geometric: {from: 1/64, to: 16, factor: 2}}
              training.batch_size: {linear: {from: 1, to: 256, step: 1}}
              training.epochs: {linear: {from: 1, to: 24, step: 1}}
            """;

        var error = Assert.Single(Specs.Errors(yaml));
        Assert.Equal("the spec expands to 1,081,344 trainings; the limit is 100,000", error.Message);
        var limited = Assert.Single(Specs.Errors("study: {name: s}\nseeds: 20", options: new PlannerOptions { MaxTrainings = 10 }));
        Assert.Equal("the spec expands to 20 trainings; the limit is 10", limited.Message);
    }
}
