namespace SweepGrid.Sweeps.Tests;

public sealed class ExampleSpecTests
{
    public static TheoryData<string> ExampleFiles() => new(ExampleNames());

    private static IEnumerable<string> ExampleNames() =>
        Directory.GetFiles(Path.Combine(Specs.RepositoryRoot(), "sweeps"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    [Fact]
    public void Sweeps_folder_holds_the_quickstart_and_one_spec_per_seed_paper()
    {
        var names = ExampleNames().ToList();
        foreach (var expected in new[] { "quickstart.yaml", "seed000-ablations.yaml", "seed001-ensembles.yaml", "seed002-covariate-shift.yaml", "seed003-temperature.yaml", "seed004-dropout.yaml" })
        {
            Assert.True(names.Contains(expected), $"expected sweeps/{expected}; found {string.Join(", ", names)}");
        }
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_spec_validates_and_expands_with_and_without_its_quick_profile(string name)
    {
        var spec = SweepSpec.Load(Path.Combine(Specs.RepositoryRoot(), "sweeps", name));
        Assert.Contains("quick", spec.ProfileNames);
        var full = StudyPlanner.Expand(spec, null, Specs.Fingerprint, Specs.ScienceVersion);
        var quick = StudyPlanner.Expand(spec, "quick", Specs.Fingerprint, Specs.ScienceVersion);
        Assert.True(full.Summary.Trainings > 0, $"{name} expands to no trainings");
        Assert.True(quick.Summary.EstimatedSeconds < full.Summary.EstimatedSeconds,
            $"{name}: the quick profile should be cheaper ({quick.Summary.EstimatedSeconds:F0} s vs {full.Summary.EstimatedSeconds:F0} s)");
        Assert.NotEmpty(full.Summary.Describe());
        // Each study states the paper's findings its reports check; each seed study also has the paper's protocol.
        Assert.NotEmpty(spec.Findings);
        if (name.StartsWith("seed", StringComparison.Ordinal))
        {
            Assert.Contains("paper", spec.ProfileNames);
            StudyPlanner.Expand(spec, "paper", Specs.Fingerprint, Specs.ScienceVersion);
        }
    }

    [Fact]
    public void Quickstart_trains_three_temperatures_times_two_seeds_briefly_and_checks_seed_003_s_ordering()
    {
        var spec = SweepSpec.Load(Path.Combine(Specs.RepositoryRoot(), "sweeps", "quickstart.yaml"));
        var plan = StudyPlanner.Expand(spec, null, Specs.Fingerprint, Specs.ScienceVersion);
        Assert.Equal(6, plan.Summary.Trainings);
        Assert.Equal(["clean", "blur=0.5", "brightness=0.8", "brightness=1.2", "fgsm=0.05", "fgsm=0.1"], plan.Trainings.First().Evaluations);
        Assert.Equal([0.03125, 0.125, 1], plan.Trainings.Select(t => t.Settings!.Model.Temperature).Distinct());
        var finding = Assert.Single(spec.Findings);
        Assert.Equal(("fgsm=0.1", "model.temperature", FindingShape.Decreasing), (finding.Condition, finding.Axis, finding.Shape));
        // A few minutes on two cores: 6 x 5 epochs x 60,000 MLP samples.
        Assert.True(plan.Summary.EstimatedSeconds < 600, $"quickstart estimated at {plan.Summary.EstimatedSeconds:F0} s");
    }
}
