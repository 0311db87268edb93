namespace SweepGrid.Sweeps.Tests;

public sealed class RangeTests
{
    [Fact]
    public void Geometric_range_from_one_sixty_fourth_to_sixteen_by_two_gives_exactly_eleven_values()
    {
        var plan = Specs.Expand("""
            study: {name: range}
            axes:
              model.temperature: {geometric: {from: 1/64, to: 16, factor: 2}}
            """);

        double[] expected = [1.0 / 64, 1.0 / 32, 1.0 / 16, 1.0 / 8, 0.25, 0.5, 1, 2, 4, 8, 16];
        Assert.Equal(expected, plan.Trials.Select(t => t.Settings!.Model.Temperature));
    }

    [Fact]
    public void Linear_range_with_decimal_step_hits_its_end_exactly()
    {
        var plan = Specs.Expand("""
            study: {name: range}
            axes:
              training.optimizer.momentum: {linear: {from: 0.1, to: 0.5, step: 0.1}}
            """);

        Assert.Equal(["0.1", "0.2", "0.3", "0.4", "0.5"], plan.Trials.Select(t => t.Axes["training.optimizer.momentum"].Text));
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], plan.Trials.Select(t => t.Settings!.Training.Optimizer.Momentum));
    }

    [Fact]
    public void Decreasing_ranges_and_geometric_factors_below_one_are_allowed()
    {
        var plan = Specs.Expand("""
            study: {name: range}
            axes:
              model.temperature: {geometric: {from: 1, to: 1/8, factor: 1/2}}
              training.epochs: {linear: {from: 3, to: 1, step: -1}}
            """);

        Assert.Equal([1, 0.5, 0.25, 0.125], plan.Trials.Select(t => t.Settings!.Model.Temperature).Distinct());
        Assert.Equal([3, 2, 1], plan.Trials.Select(t => t.Settings!.Training.Epochs).Distinct());
    }

    [Fact]
    public void Fractions_are_accepted_wherever_a_number_is()
    {
        var settings = Specs.Expand("""
            study: {name: fractions}
            model: {temperature: 1/3}
            training: {optimizer: {lr: 1/1000}, adversarial: {epsilon: 3/10}}
            evaluation: [fgsm=1/4]
            """).Trials.Single();

        Assert.Equal(1.0 / 3, settings.Settings!.Model.Temperature);
        Assert.Equal(0.001, settings.Settings.Training.Optimizer.LearningRate);
        Assert.Equal(0.3, settings.Settings.Training.Adversarial.Epsilon);
        Assert.Contains("fgsm=0.25", settings.Evaluations);
    }

    [Fact]
    public void Evaluation_axis_accepts_a_range()
    {
        var plan = Specs.Expand("""
            study: {name: range}
            evaluation:
              - fgsm: {linear: {from: 0, to: 0.3, step: 0.1}}
            """);

        Assert.Equal(["clean", "fgsm=0", "fgsm=0.1", "fgsm=0.2", "fgsm=0.3"], plan.Trials[0].Evaluations);
    }

    [Fact]
    public void Integer_setting_refuses_a_range_value_that_is_not_whole()
    {
        var error = Assert.Single(Specs.Errors("""
            study: {name: range}
            axes:
              training.epochs: {linear: {from: 1, to: 2, step: 1/2}}
            """));

        Assert.Equal("axes.training.epochs[1]", error.Path);
        Assert.Equal("expected an integer in [1, 10000], got 3/2", error.Message);
    }
}
