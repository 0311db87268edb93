using static SweepGrid.Reports.Tests.Fixture;

namespace SweepGrid.Reports.Tests;

public class MetricsOfInterestTests
{
    [Fact]
    public void Accuracy_comes_first_then_calibration_then_ood_then_the_rest_and_redundant_metrics_are_left_out()
    {
        string[] present =
        [
            "class_robustness", "auroc_msp", "error", "ece_15_ts", "accuracy_class_3", "fpr95_msp",
            "delta_accuracy", "nll", "ece_15", "accuracy",
        ];

        var selected = MetricsOfInterest.Select(present.Select((m, i) => Row($"t{i}", 1, "clean", 0.5, metric: m)));

        Assert.Equal(["accuracy", "ece_15", "ece_15_ts", "nll", "auroc_msp", "fpr95_msp", "class_robustness"], selected);
    }
}
