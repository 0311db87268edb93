namespace SweepGrid.Sweeps.Tests;

public sealed class IdentityTests
{
    private const string Base = """
        study: {name: identity}
        dataset: {name: mnist, train_limit: 2000, test_limit: 1000}
        model: {kind: mlp, temperature: 1/64}
        training:
          epochs: 2
          optimizer: {kind: sgd, lr: 0.01, momentum: 0.9}
        seeds: [1, 2]
        evaluation: [clean, fgsm=0.1]
        """;

    [Fact]
    public void Reordered_and_reformatted_spec_gives_the_same_ids()
    {
        var reordered = """
            # the same study, written differently
            evaluation:
              - fgsm: [1/10]
              - clean
            seeds: [1, 2]
            training:
              optimizer:
                momentum: 9/10
                lr: 1e-2
                kind: SGD
              epochs: 2
            model: {temperature: 0.015625, kind: mlp}
            dataset: {test_limit: 1000, train_limit: 2000}
            study: {name: another-name, description: names are not identity}
            """;

        Assert.Equal(Ids(Specs.Expand(Base)), Ids(Specs.Expand(reordered)));
        Assert.Equal(WeightsKeys(Specs.Expand(Base)), WeightsKeys(Specs.Expand(reordered)));
    }

    [Fact]
    public void Writing_a_default_explicitly_does_not_change_the_id()
    {
        var explicitDefaults = Base + "\n" + """
            profiles:
              same: {training.batch_size: 64, model.hidden_units: 256, training.schedule.kind: none}
            """;

        Assert.Equal(Ids(Specs.Expand(Base)), Ids(Specs.Expand(explicitDefaults, "same")));
    }

    [Fact]
    public void Changing_an_evaluation_entry_changes_the_id_but_not_the_weights_key()
    {
        var before = Specs.Expand(Base);
        var after = Specs.Expand(Base.Replace("fgsm=0.1", "fgsm=0.2", StringComparison.Ordinal));

        Assert.NotEqual(Ids(before), Ids(after));
        Assert.Equal(WeightsKeys(before), WeightsKeys(after));
    }

    [Fact]
    public void Changing_the_test_limit_keeps_the_weights_key()
    {
        var after = Specs.Expand(Base.Replace("test_limit: 1000", "test_limit: 500", StringComparison.Ordinal));

        Assert.NotEqual(Ids(Specs.Expand(Base)), Ids(after));
        Assert.Equal(WeightsKeys(Specs.Expand(Base)), WeightsKeys(after));
    }

    [Fact]
    public void Changing_epochs_changes_both_the_id_and_the_weights_key()
    {
        var before = Specs.Expand(Base);
        var after = Specs.Expand(Base.Replace("epochs: 2", "epochs: 3", StringComparison.Ordinal));

        Assert.Empty(Ids(before).Intersect(Ids(after)));
        Assert.Empty(WeightsKeys(before).Intersect(WeightsKeys(after)));
    }

    [Fact]
    public void Dataset_fingerprint_and_science_version_are_part_of_the_identity()
    {
        var spec = SweepSpec.Parse(Base, "identity.yaml");
        var reference = Ids(StudyPlanner.Expand(spec, null, "data-a", "v1"));

        Assert.NotEqual(reference, Ids(StudyPlanner.Expand(spec, null, "data-b", "v1")));
        Assert.NotEqual(reference, Ids(StudyPlanner.Expand(spec, null, "data-a", "v2")));
        Assert.Equal(reference, Ids(StudyPlanner.Expand(spec, null, "data-a", "v1")));
    }

    [Fact]
    public void The_same_trial_in_two_studies_gets_the_same_id()
    {
        var single = Specs.Expand(Base);
        var sweep = Specs.Expand(Base.Replace("temperature: 1/64", "temperature: 1", StringComparison.Ordinal)
            + "\naxes:\n  model.temperature: [1/64, 1/8, 1]");

        Assert.Subset(Ids(sweep).ToHashSet(), Ids(single).ToHashSet());
    }

    [Fact]
    public void Ensemble_ids_depend_on_their_members_not_on_the_other_sizes()
    {
        var three = Specs.Expand("study: {name: e}\nseeds: 3\nensembles: [3]");
        var five = Specs.Expand("study: {name: e}\nseeds: 5\nensembles: [1, 3, 5]");

        var threeMember = Assert.Single(three.Ensembles);
        Assert.Contains(threeMember.Id, five.Ensembles.Select(e => e.Id));
        Assert.Subset(five.Trainings.Select(t => t.Id).ToHashSet(), three.Trainings.Select(t => t.Id).ToHashSet());
    }

    [Fact]
    public void Definition_is_canonical_json_with_sorted_keys_and_round_trip_numbers()
    {
        var trial = Specs.Expand(Base).Trials[0];

        Assert.StartsWith("{\"dataset\":{\"fingerprint\":\"mnist-sha256:test\",\"name\":\"mnist\",\"test_limit\":1000,", trial.Definition, StringComparison.Ordinal);
        Assert.Contains("\"temperature\":0.015625", trial.Definition, StringComparison.Ordinal);
        Assert.Contains("\"evaluations\":[\"clean\",\"fgsm=0.1\"]", trial.Definition, StringComparison.Ordinal);
        Assert.Contains("\"science_version\":\"science-test-1\"", trial.Definition, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", trial.Definition, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", trial.Id);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(trial.Definition))), trial.Id);
    }

    private static List<string> Ids(StudyPlan plan) => [.. plan.Trials.Select(t => t.Id)];

    private static List<string?> WeightsKeys(StudyPlan plan) => [.. plan.Trials.Select(t => t.WeightsKey)];
}
