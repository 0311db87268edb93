namespace SweepGrid.Sweeps.Tests;

public sealed class FindingTests
{
    [Fact]
    public void Findings_are_read_with_canonical_conditions_and_axis_values()
    {
        var spec = SweepSpec.Parse("""
            study: {name: f, accuracy_floor: 0.9}
            axes:
              model.temperature: [1/32, 1, 8]
              dataset.name: [mnist, fashion-mnist]
            findings:
              - claim: steeper is more robust
                condition: FGSM=0.10
                axis: model.temperature
                expect: decreasing
                where: {dataset.name: mnist, ensemble.size: ~}
                paper: 0.58 at T = 1/32
                known_difference: the quick profile trains briefly
              - claim: ordered arms
                metric: ece_15
                axis: model.temperature
                order: [1/32, 8]
                margin: 0.01
            """, "f.yaml");

        Assert.Equal(0.9, spec.AccuracyFloor);
        var first = spec.Findings[0];
        Assert.Equal(("accuracy", "fgsm=0.1", "model.temperature", FindingShape.Decreasing), (first.Metric, first.Condition, first.Axis, first.Shape));
        Assert.Equal("mnist", first.Where["dataset.name"]);
        Assert.Equal(Finding.AxisAbsent, first.Where["ensemble.size"]);
        Assert.Equal("0.58 at T = 1/32", first.Paper);
        Assert.Equal("the quick profile trains briefly", first.KnownDifference);
        Assert.Null(spec.Findings[1].KnownDifference);
        var second = spec.Findings[1];
        Assert.Equal(("ece_15", "clean", FindingShape.Order, 0.01), (second.Metric, second.Condition, second.Shape, second.Margin));
        Assert.Equal(["0.03125", "8"], second.Order);
    }

    [Theory]
    [InlineData("{claim: c, axis: model.temperature}", "findings[0]", "give exactly one of 'expect'")]
    [InlineData("{claim: c, axis: model.temperature, expect: up}", "findings[0].expect", "expected decreasing or increasing, got 'up'")]
    [InlineData("{claim: c, axis: model.dropout, expect: decreasing}", "findings[0].expect", "'decreasing' needs a numeric axis")]
    [InlineData("{claim: c, axis: model.temprature, expect: decreasing}", "findings[0].axis", "unknown key 'temprature' (did you mean 'temperature'?)")]
    [InlineData("{claim: c, axis: model.temperature, order: [1]}", "findings[0].order", "expected a list of at least two axis values")]
    [InlineData("{claim: c, axis: model.temperature, order: [1, -2]}", "findings[0].order[1]", "")]
    [InlineData("{claim: c, condition: fgsm=3, axis: model.temperature, expect: decreasing}", "findings[0].condition", "")]
    [InlineData("{axis: model.temperature, expect: decreasing}", "findings[0].claim", "missing 'claim'")]
    [InlineData("{claim: c, axis: model.temperature, expect: decreasing, colour: red}", "findings[0].colour", "unknown key 'colour'")]
    public void Invalid_findings_name_the_field_and_what_is_allowed(string finding, string path, string message)
    {
        var errors = Specs.Errors($$"""
            study: {name: f}
            findings:
              - {{finding}}
            """);

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("high")]
    public void Accuracy_floor_outside_zero_to_one_is_refused(string floor)
    {
        var error = Assert.Single(Specs.Errors($$"""study: {name: f, accuracy_floor: {{floor}}}"""));

        Assert.Equal("study.accuracy_floor", error.Path);
    }

    [Fact]
    public void Condition_axis_lists_canonical_conditions_and_refuses_a_fixed_condition_or_a_direction()
    {
        var spec = SweepSpec.Parse("""
            study: {name: f}
            findings:
              - {claim: the filter helps, axis: condition, order: ["LowPass5:FGSM=0.20", fgsm=0.2]}
            """, "f.yaml");

        Assert.Equal(["lowpass5:fgsm=0.2", "fgsm=0.2"], spec.Findings[0].Order);
        Assert.True(spec.Findings[0].AlongConditions);
        Assert.Equal("findings[0].condition", Assert.Single(Specs.Errors("""
            study: {name: f}
            findings:
              - {claim: c, axis: condition, condition: clean, order: [clean, blur=0.5]}
            """)).Path);
        Assert.Equal("findings[0].expect", Assert.Single(Specs.Errors("""
            study: {name: f}
            findings:
              - {claim: c, axis: condition, expect: decreasing}
            """)).Path);
    }
}
