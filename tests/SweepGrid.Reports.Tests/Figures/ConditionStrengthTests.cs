using SweepGrid.Reports.Figures;

namespace SweepGrid.Reports.Tests.Figures;

public class ConditionStrengthTests
{
    [Theory]
    [InlineData("fgsm=0.1", "fgsm", 0.1)]
    [InlineData("lowpass5:noise=0.3", "lowpass5:noise", 0.3)]
    [InlineData("graybox:lowpass5:fgsm=0.2", "graybox:lowpass5:fgsm", 0.2)]
    [InlineData("graybox:lowpass5;noise=0.1:fgsm=0.3", "graybox:lowpass5;noise=0.1:fgsm", 0.3)]
    [InlineData("pgd10=0.3;restarts=5", "pgd10;restarts=5", 0.3)]
    [InlineData("pgd10=0.3;alpha=0.01;restarts=5", "pgd10;alpha=0.01;restarts=5", 0.3)]
    public void Stage_prefix_and_attack_options_stay_in_the_family_and_the_value_is_the_strength(string condition, string family, double strength)
    {
        Assert.True(ConditionStrength.TryParse(condition, out var parsedFamily, out var parsedStrength));
        Assert.Equal((family, strength), (parsedFamily, parsedStrength));
        Assert.Equal(family, ConditionStrength.FamilyOf(condition));
    }

    [Theory]
    [InlineData("clean")]
    [InlineData("lowpass5;noise=0.1:clean")]
    [InlineData("ood=fashion-mnist;epsilon=0.1;temperature=0.33")]
    [InlineData("epoch3:fgsm=0.1")]
    public void Conditions_without_a_numeric_strength_have_none(string condition) =>
        Assert.False(ConditionStrength.TryParse(condition, out _, out _));

    [Theory]
    [InlineData("graybox:lowpass5:fgsm", "lowpass5:clean")]
    [InlineData("graybox:lowpass5;noise=0.1:fgsm", "lowpass5;noise=0.1:clean")]
    [InlineData("graybox:dae:fgsm", "dae:clean")]
    [InlineData("lowpass5:fgsm", "lowpass5:clean")]
    [InlineData("pgd10;restarts=5", "clean")]
    public void A_curve_starts_from_the_clean_image_through_the_same_stages_whatever_the_threat_model(string family, string start)
    {
        Assert.Equal(start, ConditionStrength.Start(family)!.Value.Condition);
        Assert.True(ConditionStrength.IsReferenceFor(start, family));
    }

    [Fact]
    public void Ood_sets_with_options_are_one_family() =>
        Assert.Equal("ood", ConditionStrength.FamilyOf("ood=fashion-mnist;epsilon=0.1;temperature=0.33"));
}
