namespace SweepGrid.Sweeps.Tests;

public sealed class ReferenceDocTests
{
    [Fact]
    public void Spec_reference_documents_every_setting_path()
    {
        var reference = File.ReadAllText(Path.Combine(Specs.RepositoryRoot(), "docs", "spec-reference.md"));

        var missing = Schema.SettingCatalog.All.Select(s => s.Path).Where(p => !reference.Contains($"`{p}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"docs/spec-reference.md does not document: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Spec_reference_opening_example_expands_as_the_text_says()
    {
        var reference = File.ReadAllText(Path.Combine(Specs.RepositoryRoot(), "docs", "spec-reference.md"));
        var start = reference.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = reference[start..reference.IndexOf("```", start, StringComparison.Ordinal)];

        var plan = Specs.Expand(yaml);

        Assert.Equal(33, plan.Summary.Trainings);
        Assert.Equal(7, plan.Summary.EvaluationsPerTraining);
        Assert.Equal(11, Specs.Expand(yaml, "quick").Summary.Trainings);
    }
}
