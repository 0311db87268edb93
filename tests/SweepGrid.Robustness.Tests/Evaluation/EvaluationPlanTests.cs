using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Evaluation;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>Evaluation entries are parsed and checked before any work starts.</summary>
public class EvaluationPlanTests
{
    [Fact]
    public void Plan_reads_every_kind_of_entry_with_clean_first()
    {
        var plan = EvaluationPlan.Parse(SmallMnistTrial.Evaluations, trialSeed: 1);

        Assert.Equal(SmallMnistTrial.Conditions, plan.Conditions.Select(c => EvaluationPlan.ConditionName(c.Condition, c.LowPassKernel)));
        Assert.Equal([null, null, null, null, null, null, null, 5], plan.Conditions.Select(c => c.LowPassKernel));
        Assert.True(plan.Calibration && plan.TemperatureScaling && plan.Regimes && plan.Gradients, $"every flag should be set: {plan}");
        Assert.Equal(["ood=noise"], plan.OutOfDistribution.Select(o => o.Name));
        Assert.Equal(1, plan.PixelAttackMax);
    }

    [Fact]
    public void Clean_is_always_evaluated_once_even_when_not_asked_for_or_asked_twice()
    {
        var plan = EvaluationPlan.Parse(["fgsm=0.1", "CLEAN", " clean "], trialSeed: 1);

        Assert.Equal(["clean", "fgsm=0.1"], plan.Conditions.Select(c => c.Condition.Name));
        Assert.False(plan.Calibration || plan.TemperatureScaling || plan.Regimes || plan.Gradients);
        Assert.Empty(plan.OutOfDistribution);
        Assert.Equal(0, plan.PixelAttackMax);
    }

    [Fact]
    public void The_same_condition_may_appear_bare_and_behind_a_low_pass_stage()
    {
        var plan = EvaluationPlan.Parse(["fgsm=0.1", "lowpass3:fgsm=0.1", "lowpass7:fgsm=0.1", "lowpass5:clean"], trialSeed: 1);

        Assert.Equal(["clean", "fgsm=0.1", "lowpass3:fgsm=0.1", "lowpass7:fgsm=0.1", "lowpass5:clean"],
            plan.Conditions.Select(c => EvaluationPlan.ConditionName(c.Condition, c.LowPassKernel)));
    }

    [Theory]
    [InlineData("fgsm=2")]
    [InlineData("blur=-1")]
    [InlineData("ood=")]
    [InlineData("pixel=9")]
    [InlineData("pixel=0")]
    [InlineData("pixel=x")]
    [InlineData("lowpass4:clean")]
    [InlineData("lowpass5")]
    [InlineData("lowpass5:fgsm=2")]
    [InlineData("lowpass5:unknown")]
    [InlineData("unknown")]
    [InlineData("ECE=1")]
    public void Invalid_entry_is_named_in_the_error_with_every_allowed_form(string entry)
    {
        var error = Assert.Throws<InvalidConditionException>(() => EvaluationPlan.Parse(["clean", entry], trialSeed: 1));

        Assert.Equal(entry, error.Token);
        Assert.Contains($"\"{entry}\"", error.Message, StringComparison.Ordinal);
        Assert.All(EvaluationPlan.Forms, form => Assert.Contains(form, error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fgsm=0.1", "fgsm=0.10")]
    [InlineData("ood=noise", "ood=noise")]
    [InlineData("lowpass5:blur=1", "lowpass5:blur=1.0")]
    public void Entry_given_twice_is_refused(string first, string second)
    {
        var error = Assert.Throws<InvalidConditionException>(() => EvaluationPlan.Parse([first, second], trialSeed: 1));

        Assert.Equal(second, error.Token);
    }

    [Fact]
    public void Every_documented_form_is_listed()
    {
        Assert.Equal(ConditionParser.Forms, EvaluationPlan.Forms.Take(ConditionParser.Forms.Count));
        Assert.Contains("ece", EvaluationPlan.Forms);
        Assert.Contains("ts", EvaluationPlan.Forms);
        Assert.Contains("pixel=<1-3>", EvaluationPlan.Forms);
    }
}
