namespace SweepGrid.Reports.Tests;

public class ConditionOrderTests
{
    [Fact]
    public void Conditions_sort_by_kind_then_value_with_clean_first_and_preprocessed_last()
    {
        string[] expected =
        [
            "clean",
            "brightness=0.8", "brightness=0.9", "brightness=1.1", "brightness=1.2",
            "blur=0.3", "blur=0.9", "blur7=0.5",
            "noise=0.09", "noise=0.54",
            "fgsm=0.05", "fgsm=0.1", "fgsm=0.25",
            "pgd=0.1", "pgd=0.3", "pgd20=0.1",
            "deformed",
            "ood=fashion-mnist", "ood=noise",
            "pixel=2", "pixel=10",
            "lowpass5:clean", "lowpass5:fgsm=0.1", "lowpass5:fgsm=0.2",
        ];
        var shuffled = expected.Reverse().ToList();
        (shuffled[3], shuffled[17]) = (shuffled[17], shuffled[3]);

        var sorted = shuffled.Order(ConditionOrder.Instance).ToList();

        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void Numeric_values_compare_by_value_not_text() =>
        Assert.True(ConditionOrder.Instance.Compare("fgsm=0.25", "fgsm=0.3") < 0, "expected fgsm=0.25 before fgsm=0.3");
}
