using SweepGrid.Reports.Findings;
using SweepGrid.Sweeps;

namespace SweepGrid.Reports.Tests.Findings;

public sealed class FindingCheckTests
{
    private static Finding Decreasing(string condition = "fgsm=0.1", double margin = 0) =>
        new("steeper is more robust", "accuracy", condition, "model.temperature", FindingShape.Decreasing, [], new Dictionary<string, string>(), margin, null);

    [Fact]
    public void Decreasing_claim_holds_when_the_seed_mean_falls_along_the_numeric_axis()
    {
        // Fixture.Tiny: fgsm at T = 1/8 is (0.5 + 0.3) / 2 = 0.4, at T = 4 it is 0.1.
        var outcome = FindingCheck.Check(Decreasing(), Fixture.Tiny());

        Assert.Equal(FindingVerdict.Reproduced, outcome.Verdict);
        Assert.Equal([("0.125", 0.4, 2), ("4", 0.1, 1)], outcome.Points.Select(p => (p.Value, Math.Round(p.Mean, 12), p.Trials)));
    }

    [Fact]
    public void Claim_that_goes_the_other_way_or_within_the_margin_is_not_reproduced()
    {
        var increasing = Decreasing() with { Shape = FindingShape.Increasing };

        Assert.Equal(FindingVerdict.NotReproduced, FindingCheck.Check(increasing, Fixture.Tiny()).Verdict);
        Assert.Equal(FindingVerdict.NotReproduced, FindingCheck.Check(Decreasing(margin: 0.31), Fixture.Tiny()).Verdict);
        Assert.Equal(FindingVerdict.Reproduced, FindingCheck.Check(Decreasing(margin: 0.29), Fixture.Tiny()).Verdict);
    }

    [Fact]
    public void Numeric_axis_values_are_ordered_by_number_not_by_text()
    {
        (string, string)[] At(string t) => [("model.temperature", t)];
        var rows = new[]
        {
            Fixture.Row("a", 1, "clean", 0.9, axes: At("0.03125")),
            Fixture.Row("b", 1, "clean", 0.8, axes: At("2")),
            Fixture.Row("c", 1, "clean", 0.7, axes: At("16")),
        };

        var outcome = FindingCheck.Check(Decreasing("clean"), rows);

        Assert.Equal(["0.03125", "2", "16"], outcome.Points.Select(p => p.Value));
        Assert.Equal(FindingVerdict.Reproduced, outcome.Verdict);
    }

    [Fact]
    public void Order_claim_needs_every_listed_value_and_respects_where()
    {
        (string, string)[] At(string arm, string data) => [("training.arm", arm), ("dataset.name", data)];
        var rows = new[]
        {
            Fixture.Row("a", 1, "clean", 0.7, axes: At("committee", "mnist")),
            Fixture.Row("b", 1, "clean", 0.9, axes: At("single", "mnist")),
            Fixture.Row("c", 1, "clean", 0.1, axes: At("committee", "fashion-mnist")),
        };
        var order = new Finding("single beats committee", "accuracy", "clean", "training.arm", FindingShape.Order, ["single", "committee"],
            new Dictionary<string, string> { ["dataset.name"] = "mnist" }, 0, null);

        Assert.Equal(FindingVerdict.Reproduced, FindingCheck.Check(order, rows).Verdict);
        Assert.Equal(FindingVerdict.NotMeasured, FindingCheck.Check(order with { Order = ["single", "committee", "dae"] }, rows).Verdict);
        Assert.Equal(FindingVerdict.NotMeasured, FindingCheck.Check(order with { Where = new Dictionary<string, string> { ["dataset.name"] = "kmnist" } }, rows).Verdict);
    }

    [Fact]
    public void Non_finite_values_are_left_out_of_the_means()
    {
        (string, string)[] At(string t) => [("model.temperature", t)];
        var rows = new[]
        {
            Fixture.Row("a", 1, "clean", 0.9, axes: At("1")),
            Fixture.Row("b", 2, "clean", double.NaN, axes: At("1")),
            Fixture.Row("c", 1, "clean", 0.5, axes: At("4")),
        };

        var outcome = FindingCheck.Check(Decreasing("clean"), rows);

        Assert.Equal((0.9, 1), (outcome.Points[0].Mean, outcome.Points[0].Trials));
    }

    [Fact]
    public void Console_text_names_the_verdict_the_means_and_the_paper()
    {
        var outcome = FindingCheck.Check(Decreasing() with { Paper = "0.58 at T = 1/32" }, Fixture.Tiny());

        var text = ChecksText.Console([outcome], []);

        Assert.Equal(
            "finding reproduced: steeper is more robust\n"
            + "  accuracy under fgsm=0.1 by model.temperature: 1/8 0.4000 > 4 0.1000\n"
            + "  paper: 0.58 at T = 1/32\n", text);
    }

    [Fact]
    public void Stored_spec_text_gives_the_checks_and_an_unreadable_one_gives_none()
    {
        var checks = StudyChecks.FromSpecText("""
            study: {name: s, accuracy_floor: 0.95}
            axes: {model.temperature: [1, 4]}
            findings:
              - {claim: c, condition: fgsm=0.1, axis: model.temperature, expect: decreasing}
            """);

        Assert.Equal(0.95, checks.AccuracyFloor);
        Assert.Single(checks.Findings);
        Assert.Same(StudyChecks.None, StudyChecks.FromSpecText("study: {name: s, colour: red}"));
        Assert.Same(StudyChecks.None, StudyChecks.FromSpecText(""));
    }

    [Fact]
    public void Condition_axis_compares_conditions_on_the_same_trials()
    {
        var filterHelps = new Finding("the filter helps", "accuracy", "", "condition", FindingShape.Order, ["lowpass5:fgsm=0.1", "fgsm=0.1"],
            new Dictionary<string, string>(), 0, null);
        var rows = new List<ResultRow>(Fixture.Tiny())
        {
            Fixture.Row("t8-s1", 1, "lowpass5:fgsm=0.1", 0.6, axes: [("model.temperature", "0.125")]),
            Fixture.Row("t4-s1", 1, "lowpass5:fgsm=0.1", 0.4, axes: [("model.temperature", "4")]),
        };

        var outcome = FindingCheck.Check(filterHelps, rows);

        // Paired: only t8-s1 and t4-s1 have both. lowpass (0.6 + 0.4) / 2 = 0.5; fgsm (0.5 + 0.1) / 2 = 0.3 (t8-s2's 0.3 is left out).
        Assert.Equal(FindingVerdict.Reproduced, outcome.Verdict);
        Assert.Equal([(0.5, 2), (0.3, 2)], outcome.Points.Select(p => (Math.Round(p.Mean, 12), p.Trials)));
        Assert.Equal("accuracy by condition: lowpass5:fgsm=0.1 0.5000 > fgsm=0.1 0.3000", ChecksText.Measured(outcome, 4));
    }

    [Fact]
    public void Known_difference_is_printed_with_a_claim_that_does_not_hold_and_kept_out_of_one_that_does()
    {
        var calibration = Decreasing() with { Shape = FindingShape.Increasing, KnownDifference = "MNIST is too easy" };

        var failed = ChecksText.Console([FindingCheck.Check(calibration, Fixture.Tiny())], []);
        var held = ChecksText.Console([FindingCheck.Check(calibration with { Shape = FindingShape.Decreasing }, Fixture.Tiny())], []);

        Assert.StartsWith("finding NOT reproduced (known difference): steeper is more robust\n", failed, StringComparison.Ordinal);
        Assert.EndsWith("  known difference: MNIST is too easy\n", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("known difference", held, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_axis_in_where_keeps_the_trainings_and_leaves_the_ensembles_out()
    {
        (string, string)[] Training(string t) => [("model.temperature", t)];
        (string, string)[] Ensemble(string t) => [("model.temperature", t), ("ensemble.size", "3")];
        var rows = new[]
        {
            Fixture.Row("a", 1, "clean", 0.9, axes: Training("1")),
            Fixture.Row("b", 1, "clean", 0.5, axes: Training("4")),
            Fixture.Row("e1", 1, "clean", 0.1, axes: Ensemble("1")),
            Fixture.Row("e4", 1, "clean", 0.95, axes: Ensemble("4")),
        };
        var trainingsOnly = Decreasing("clean") with { Where = new Dictionary<string, string> { ["ensemble.size"] = Finding.AxisAbsent } };

        var outcome = FindingCheck.Check(trainingsOnly, rows);

        Assert.Equal(FindingVerdict.Reproduced, outcome.Verdict);
        Assert.Equal([0.9, 0.5], outcome.Points.Select(p => p.Mean));
        Assert.Equal("accuracy under clean by model.temperature where no ensemble.size: 1 0.9000 > 4 0.5000", ChecksText.Measured(outcome, 4));
    }
}
