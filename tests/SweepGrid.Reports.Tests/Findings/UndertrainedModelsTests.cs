using SweepGrid.Reports.Findings;
using SweepGrid.Sweeps;

namespace SweepGrid.Reports.Tests.Findings;

public sealed class UndertrainedModelsTests
{
    private static IReadOnlyList<ResultRow> Rows() =>
    [
        Fixture.Row("chance", 1, "clean", 0.13, axes: [("model.kind", "cnn")]),
        Fixture.Row("chance", 1, "fgsm=0.1", 0.12, axes: [("model.kind", "cnn")]),
        Fixture.Row("weak", 2, "clean", 0.45, axes: [("model.kind", "lenet")]),
        Fixture.Row("good", 1, "clean", 0.97, axes: [("model.kind", "mlp")]),
        Fixture.Row("diverged", 3, "clean", double.NaN, axes: [("model.kind", "mlp")]),
    ];

    [Fact]
    public void Near_chance_and_non_finite_models_are_flagged_without_a_floor()
    {
        var flagged = UndertrainedModels.Find(Rows(), floor: null);

        Assert.Equal(["chance", "diverged"], flagged.Select(f => f.TrialId));
        Assert.Equal("model.kind=cnn, seed=1", flagged[0].Configuration);
        Assert.StartsWith("near chance", flagged[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stated_floor_flags_models_below_it()
    {
        var flagged = UndertrainedModels.Find(Rows(), floor: 0.9);

        Assert.Equal(["chance", "weak", "diverged"], flagged.Select(f => f.TrialId));
        Assert.Equal("below the study's accuracy floor 0.9", flagged[1].Reason);
    }

    [Fact]
    public void Summary_lists_findings_and_flagged_models()
    {
        var finding = new Finding("kinds differ", "accuracy", "clean", "model.kind", FindingShape.Order, ["mlp", "lenet"], new Dictionary<string, string>(), 0, "paper text");
        var study = Fixture.Study() with { Checks = new StudyChecks([finding], 0.9) };

        var md = ReportWriter.Render(study, Rows(), ReportFormats.Markdown);

        Assert.Contains("## Findings", md, StringComparison.Ordinal);
        Assert.Contains("| kinds differ | reproduced | accuracy under clean by model.kind: mlp 0.9700 > lenet 0.4500 | paper text |", md, StringComparison.Ordinal);
        Assert.Contains("## Models that barely learned", md, StringComparison.Ordinal);
        Assert.Contains("| model.kind=lenet, seed=2 | 0.4500 | below the study's accuracy floor 0.9 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_of_a_well_trained_study_without_claims_has_neither_section()
    {
        var md = ReportWriter.Render(Fixture.Study(), Fixture.Tiny(), ReportFormats.Markdown);

        Assert.DoesNotContain("## Findings", md, StringComparison.Ordinal);
        Assert.DoesNotContain("barely learned", md, StringComparison.Ordinal);
    }
}
