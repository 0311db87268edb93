using System.Text.Json;

namespace SweepGrid.Sweeps.Tests;

/// <summary>
/// Threat models, stage noise, PGD and ODIN options and per-epoch entries in specs: every condition gets one
/// canonical string (it keys the results), and a wrong entry is named with what is allowed.
/// </summary>
public sealed class ThreatModelGrammarTests
{
    [Theory]
    [InlineData("lowpass5:fgsm=0.1", "lowpass5:fgsm=0.1")]
    [InlineData("WhiteBox:lowpass5:fgsm=0.10", "lowpass5:fgsm=0.1")]
    [InlineData("graybox:lowpass5:fgsm=1/10", "graybox:lowpass5:fgsm=0.1")]
    [InlineData("graybox:lowpass5;noise=0.270:pgd10=0.3", "graybox:lowpass5;noise=0.27:pgd10=0.3")]
    [InlineData("pgd=0.3;alpha=0.01875", "pgd=0.3")]
    [InlineData("pgd40=0.3;restarts=1", "pgd=0.3")]
    [InlineData("pgd10=0.3;restarts=5;alpha=1/100", "pgd10=0.3;alpha=0.01;restarts=5")]
    [InlineData("ood=fashion-mnist;temperature=0.33;epsilon=0.1", "ood=fashion-mnist;epsilon=0.1;temperature=0.33")]
    [InlineData("ood=noise;temperature=1000;epsilon=0.0014", "ood=noise")]
    [InlineData("epochs:FGSM=0.10", "epochs:fgsm=0.1")]
    [InlineData("epochs:regimes", "epochs:regimes")]
    [InlineData("graybox:DAE;epochs=5:fgsm=0.1", "graybox:dae:fgsm=0.1")]
    [InlineData("dae;epochs=20:noise=0.3", "dae;epochs=20:noise=0.3")]
    public void Entries_are_written_in_one_canonical_form(string entry, string canonical)
    {
        var plan = Specs.Expand($"study: {{name: canonical}}\nevaluation: ['{entry}', '{canonical}']");

        Assert.Equal(["clean", canonical], plan.Trials[0].Evaluations);
    }

    [Fact]
    public void Evaluation_axes_carry_options_and_threat_models_in_their_keys()
    {
        var plan = Specs.Expand("""
            study: {name: axes}
            evaluation:
              - graybox:lowpass5: [fgsm=0.1, pgd10=0.2]
              - lowpass5;noise=0.1: [clean]
              - pgd10;restarts=3: {linear: {from: 0.1, to: 0.2, step: 0.1}}
              - ood;temperature=0.33;epsilon=0.1: [fashion-mnist]
              - epochs: [clean, fgsm=0.1]
            """);

        Assert.Equal(
            ["clean", "epochs:clean", "epochs:fgsm=0.1", "graybox:lowpass5:fgsm=0.1", "graybox:lowpass5:pgd10=0.2", "lowpass5;noise=0.1:clean",
             "ood=fashion-mnist;epsilon=0.1;temperature=0.33", "pgd10=0.1;restarts=3", "pgd10=0.2;restarts=3"],
            plan.Trials[0].Evaluations);
    }

    [Fact]
    public void Ood_options_keep_the_dataset_fingerprint_in_the_definition()
    {
        var plan = Specs.Expand("study: {name: odin}\nevaluation: ['ood=kmnist;temperature=0.33']");

        using var definition = JsonDocument.Parse(plan.Trials[0].Definition);
        Assert.True(definition.RootElement.GetProperty("dataset").GetProperty("ood").TryGetProperty("kmnist", out _));
    }

    [Theory]
    [InlineData("graybox:fgsm=0.1", "[graybox:]<stage>")]
    [InlineData("dae;epochs=0:fgsm=0.1", "1 to 1000")]
    [InlineData("dae;noise=1:fgsm=0.1", "allowed: epochs")]
    [InlineData("graybox:lowpass5:noise=0.3", "attacks (fgsm, pgd) only")]
    [InlineData("lowpass4:fgsm=0.1", "lowpass3, lowpass5 or lowpass7")]
    [InlineData("lowpass5;blur=1:clean", "allowed: noise")]
    [InlineData("lowpass5;noise=0:clean", "> 0")]
    [InlineData("fgsm=0.1;restarts=2", "only pgd has options")]
    [InlineData("pgd=0.1;restarts=0", "1 to 100")]
    [InlineData("pgd=0.1;restarts=3/2", "1 to 100")]
    [InlineData("pgd=0.1;steps=5", "allowed: alpha, restarts")]
    [InlineData("pgd=0.1;alpha=0.1;alpha=0.2", "given twice")]
    [InlineData("ood=noise;temperature=0", "temperature must be > 0")]
    [InlineData("ood=noise;t=1", "allowed: epsilon, temperature")]
    [InlineData("epochs:epochs:clean", "not to another")]
    public void Invalid_entries_say_what_is_allowed(string entry, string expected)
    {
        var error = Assert.Single(Specs.Errors($"study: {{name: bad}}\nevaluation: [clean, '{entry}']"));

        Assert.Equal("evaluation[1]", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ensembles_leave_per_epoch_entries_to_their_members_and_refuse_them_when_written()
    {
        var plan = Specs.Expand("study: {name: e}\nseeds: 2\nensembles: [2]\nevaluation: [fgsm=0.1, 'epochs:fgsm=0.1']");

        Assert.Equal(["clean", "fgsm=0.1"], plan.Ensembles.Single().Evaluations);
        Assert.All(plan.Trainings, t => Assert.Contains("epochs:fgsm=0.1", t.Evaluations));
        var error = Assert.Single(Specs.Errors("study: {name: e}\nseeds: 2\nensembles: {sizes: [2], evaluation: ['epochs:clean']}"));
        Assert.Contains("no training epochs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_epoch_regimes_need_the_mlp_like_regimes()
    {
        var error = Assert.Single(Specs.Errors("study: {name: bad}\nmodel: lenet\nevaluation: ['epochs:regimes']"));

        Assert.Contains("model.kind mlp", error.Message, StringComparison.Ordinal);
    }
}
