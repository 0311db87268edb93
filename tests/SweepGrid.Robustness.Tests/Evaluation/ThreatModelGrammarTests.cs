using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Evaluation;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>Threat models, stage options, PGD and ODIN options and per-epoch entries: one canonical name each.</summary>
public class ThreatModelGrammarTests
{
    [Theory]
    [InlineData("lowpass5:fgsm=0.1", "lowpass5:fgsm=0.1")]
    [InlineData("WhiteBox:lowpass5:fgsm=0.10", "lowpass5:fgsm=0.1")]
    [InlineData("graybox:lowpass5:fgsm=0.1", "graybox:lowpass5:fgsm=0.1")]
    [InlineData("graybox:lowpass5;noise=0.270:pgd10=0.3", "graybox:lowpass5;noise=0.27:pgd10=0.3")]
    [InlineData("lowpass3;noise=0.1:clean", "lowpass3;noise=0.1:clean")]
    [InlineData("pgd=0.3;alpha=0.01875", "pgd=0.3")]
    [InlineData("graybox:dae;epochs=5:fgsm=0.1", "graybox:dae:fgsm=0.1")]
    [InlineData("dae;epochs=2:noise=0.3", "dae;epochs=2:noise=0.3")]
    [InlineData("pgd40=0.3;restarts=1", "pgd=0.3")]
    [InlineData("pgd10=0.3;restarts=5;alpha=0.01", "pgd10=0.3;alpha=0.01;restarts=5")]
    public void Condition_entries_have_one_canonical_name(string entry, string name)
    {
        var plan = EvaluationPlan.Parse([entry], trialSeed: 1);

        Assert.Equal(["clean", name], plan.Conditions.Select(c => c.Name));
        Assert.Equal(name, EvaluationPlan.Parse([name], trialSeed: 1).Conditions[^1].Name);
    }

    [Fact]
    public void Stage_and_threat_model_are_read_into_the_plan()
    {
        var planned = EvaluationPlan.Parse(["graybox:lowpass7;noise=0.3:fgsm=0.2"], trialSeed: 1).Conditions[^1];

        Assert.Equal(new LowPassStage(7, 0.3, ThreatModel.GrayBox), planned.Stage);
        Assert.Equal(7, planned.LowPassKernel);
        Assert.Equal(new FgsmCondition(0.2), planned.Condition);
    }

    [Fact]
    public void Pgd_options_reach_the_condition_and_keep_the_plain_seed()
    {
        var plain = (PgdCondition)EvaluationPlan.Parse(["pgd10=0.3"], trialSeed: 4).Conditions[^1].Condition;
        var restarted = (PgdCondition)EvaluationPlan.Parse(["pgd10=0.3;restarts=3;alpha=0.05"], trialSeed: 4).Conditions[^1].Condition;

        Assert.Equal((10, 3, 0.05), (restarted.Steps, restarted.Restarts, restarted.StepSize!.Value));
        Assert.Equal(plain.Seed, restarted.Seed);
    }

    [Theory]
    [InlineData("ood=fashion-mnist", "ood=fashion-mnist", 1000, 0.0014)]
    [InlineData("ood=fashion-mnist;temperature=0.33;epsilon=0.1", "ood=fashion-mnist;epsilon=0.1;temperature=0.33", 0.33, 0.1)]
    [InlineData("ood=noise;temperature=1000;epsilon=0.0014", "ood=noise", 1000, 0.0014)]
    [InlineData("ood=noise;epsilon=0", "ood=noise;epsilon=0", 1000, 0)]
    public void Odin_settings_are_options_of_the_ood_entry(string entry, string name, double temperature, double epsilon)
    {
        var ood = Assert.Single(EvaluationPlan.Parse([entry], trialSeed: 1).OutOfDistribution);

        Assert.Equal((name, temperature, epsilon), (ood.Name, ood.Temperature, ood.Epsilon));
    }

    [Fact]
    public void Per_epoch_entries_form_their_own_plan()
    {
        var plan = EvaluationPlan.Parse(["fgsm=0.1", "epochs:fgsm=0.1", "epochs:regimes", "epochs:graybox:lowpass5:fgsm=0.1"], trialSeed: 1);

        Assert.Equal(["clean", "fgsm=0.1"], plan.Conditions.Select(c => c.Name));
        Assert.False(plan.Regimes);
        Assert.NotNull(plan.PerEpoch);
        Assert.Equal(["clean", "fgsm=0.1", "graybox:lowpass5:fgsm=0.1"], plan.PerEpoch.Conditions.Select(c => c.Name));
        Assert.True(plan.PerEpoch.Regimes);
        Assert.Null(EvaluationPlan.Parse(["fgsm=0.1"], trialSeed: 1).PerEpoch);
    }

    [Theory]
    [InlineData("graybox:fgsm=0.1", "needs a pre-processing stage")]
    [InlineData("graybox:lowpass5:noise=0.3", "applies to attacks")]
    [InlineData("graybox:lowpass5:clean", "applies to attacks")]
    [InlineData("blackbox:lowpass5:fgsm=0.1", "lowpass<3|5|7>")]
    [InlineData("dae;epochs=0:fgsm=0.1", "autoencoder epochs")]
    [InlineData("graybox:dae:deformed", "applies to attacks")]
    [InlineData("graybox:lowpass5:x:fgsm=0.1", "at most")]
    [InlineData("lowpass5;blur=1:clean", "allowed: noise")]
    [InlineData("lowpass5;noise=0:clean", "noise σ > 0")]
    [InlineData("fgsm=0.1;restarts=2", "only pgd has options")]
    [InlineData("pgd=0.1;restarts=0", "restarts")]
    [InlineData("pgd=0.1;restarts=1.5", "restarts")]
    [InlineData("pgd=0.1;alpha=-1", "α > 0")]
    [InlineData("pgd=0.1;steps=5", "allowed: alpha, restarts")]
    [InlineData("pgd=0.1;alpha=0.1;alpha=0.2", "given twice")]
    [InlineData("ood=noise;temperature=0", "temperature T > 0")]
    [InlineData("ood=noise;t=1", "allowed: epsilon, temperature")]
    [InlineData("epochs:epochs:clean", "not to another")]
    public void Invalid_new_forms_name_the_entry_and_what_is_allowed(string entry, string expected)
    {
        var error = Assert.Throws<InvalidConditionException>(() => EvaluationPlan.Parse(["clean", entry], trialSeed: 1));

        Assert.Equal(entry, error.Token);
        Assert.Contains(entry, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graybox:lowpass5:fgsm=0.1", "lowpass5:fgsm=0.1")]
    [InlineData("lowpass5;noise=0.1:fgsm=0.1", "lowpass5:fgsm=0.1")]
    [InlineData("pgd=0.1;restarts=2", "pgd=0.1")]
    [InlineData("ood=noise;temperature=2", "ood=noise")]
    [InlineData("epochs:fgsm=0.1", "fgsm=0.1")]
    public void Variants_are_distinct_entries(string first, string second)
    {
        var plan = EvaluationPlan.Parse([first, second], trialSeed: 1);

        Assert.NotNull(plan);
    }
}
