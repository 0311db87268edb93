using SweepGrid.Robustness.Weights;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Metrics;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>A whole trial through the one entry point: every requested number, consistent with each other.</summary>
public class TrialRunnerTests(SmallMnistTrial trial) : IClassFixture<SmallMnistTrial>
{
    private TrialResult Result => trial.First;

    private double Value(string condition, string metric) =>
        Result.Get(condition, metric) ?? throw new Xunit.Sdk.XunitException($"the trial should report {metric} under {condition}");

    private static IEnumerable<string> PerClass(string metric) => Enumerable.Range(0, 10).Select(c => $"{metric}_class_{c}");

    private static HashSet<(string Condition, string Metric)> ExpectedPairs()
    {
        var expected = new HashSet<(string, string)>();
        void Add(string condition, IEnumerable<string> metrics)
        {
            foreach (var metric in metrics)
            {
                expected.Add((condition, metric));
            }
        }
        // "ece" asks for calibration under every condition (seed 002 studies calibration under shift).
        string[] calibration = [MetricName.Ece15, MetricName.Mce15, MetricName.Rms15, MetricName.RmsAdaptive100, MetricName.Nll];
        foreach (var condition in SmallMnistTrial.Conditions)
        {
            Add(condition, [MetricName.Accuracy, MetricName.Error, MetricName.DeltaAccuracy, MetricName.Distortion, .. PerClass("accuracy"), .. calibration]);
        }
        foreach (var attack in new[] { "fgsm=0.1", "pgd=0.1", "lowpass5:fgsm=0.1" })
        {
            Add(attack, [MetricName.ClassRobustness, "accuracy_clean_correct"]);
        }
        Add("fgsm=0.1", [MetricName.ZeroGradientFraction]);
        Add("lowpass5:fgsm=0.1", [MetricName.ZeroGradientFraction]);
        Add("clean", calibration.Select(m => m + MetricName.TemperatureScaledSuffix));
        Add("clean", [MetricName.Temperature]);
        Add("clean", [MetricName.GradientConfidencePearson, MetricName.GradientConfidenceSpearman, MetricName.ZeroGradientFraction, .. PerClass("gradient_median")]);
        Add("clean", [MetricName.RegimeLinearFraction, MetricName.RegimeNonlinearFraction, MetricName.RegimeSaturatedFraction]);
        Add("ood=noise", [MetricName.AurocMsp, MetricName.Fpr95Msp, MetricName.AurocMaxLogit, MetricName.Fpr95MaxLogit,
            MetricName.AurocEntropy, MetricName.Fpr95Entropy, MetricName.AurocOdin, MetricName.Fpr95Odin]);
        Add("pixel=1", ["success_rate", .. PerClass("success_rate")]);
        return expected;
    }

    [Fact]
    public void Trial_completes_with_a_curve_timings_and_weights()
    {
        Assert.Equal(TrainingStatus.Completed, Result.Status);
        Assert.Null(Result.Reason);
        Assert.Single(Result.Curve);
        Assert.NotNull(Result.Weights);
        Assert.True(Result.Timings.TrainSeconds > 0 && Result.Timings.EvaluateSeconds > 0, $"training and evaluation should take time, got {Result.Timings}");
    }

    [Fact]
    public void Trial_reports_exactly_the_expected_condition_metric_pairs_once_each()
    {
        var actual = Result.Metrics.Select(m => (m.Condition, m.Metric)).ToList();
        var expected = ExpectedPairs();

        var missing = expected.Except(actual).Select(p => $"{p.Condition}/{p.Metric}");
        var unexpected = actual.Except(expected).Select(p => $"{p.Condition}/{p.Metric}");
        Assert.True(expected.SetEquals(actual), $"missing: [{string.Join(", ", missing)}]; unexpected: [{string.Join(", ", unexpected)}]");
        Assert.Equal(actual.Count, actual.Distinct().Count());
    }

    [Fact]
    public void Accuracies_are_fractions_and_error_is_their_complement()
    {
        foreach (var metric in Result.Metrics.Where(m => m.Metric.StartsWith(MetricName.Accuracy, StringComparison.Ordinal)))
        {
            Assert.True(metric.Value is >= 0 and <= 1, $"{metric.Condition}/{metric.Metric} should lie in [0, 1], got {metric.Value}");
        }
        foreach (var condition in SmallMnistTrial.Conditions)
        {
            Assert.Equal(1 - Value(condition, MetricName.Accuracy), Value(condition, MetricName.Error));
        }
        Assert.True(Value("clean", MetricName.Accuracy) >= 0.7, $"MLP-T after one epoch on 2,000 images should reach 70% clean accuracy, got {Value("clean", MetricName.Accuracy):P1}");
    }

    [Fact]
    public void Delta_accuracy_is_accuracy_minus_clean_accuracy_exactly()
    {
        var clean = Value("clean", MetricName.Accuracy);

        foreach (var condition in SmallMnistTrial.Conditions)
        {
            Assert.Equal(Value(condition, MetricName.Accuracy) - clean, Value(condition, MetricName.DeltaAccuracy));
        }
        Assert.Equal(0, Value("clean", MetricName.DeltaAccuracy));
        Assert.Equal(0, Value("clean", MetricName.Distortion));
    }

    [Fact]
    public void Brightness_distortion_is_the_mean_absolute_change_of_the_test_pixels()
    {
        var test = DatasetCache.Open(DatasetCatalog.Mnist, DataSplit.Test, TestData.MnistDirectory);
        using var first = test.Images.narrow(0, 0, 500);
        using var contiguous = first.contiguous();
        var pixels = contiguous.data<byte>().ToArray();
        var expected = pixels.Average(b =>
        {
            var x = b / 255.0;
            return Math.Abs(Math.Clamp(0.8 * x, 0, 1) - x);
        });

        var actual = Value("brightness=0.8", MetricName.Distortion);

        Assert.True(Math.Abs(actual - expected) <= 1e-5 * expected, $"distortion of brightness=0.8 should be mean |clamp(0.8x) − x| = {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Attacks_lower_accuracy_and_the_low_pass_stage_changes_what_fgsm_sees()
    {
        var clean = Value("clean", MetricName.Accuracy);

        Assert.True(Value("fgsm=0.1", MetricName.Accuracy) < clean, $"FGSM ε=0.1 should lower accuracy below clean {clean:P1}, got {Value("fgsm=0.1", MetricName.Accuracy):P1}");
        Assert.True(Value("pgd=0.1", MetricName.Accuracy) < clean, $"PGD ε=0.1 should lower accuracy below clean {clean:P1}, got {Value("pgd=0.1", MetricName.Accuracy):P1}");
        Assert.NotEqual(Value("fgsm=0.1", MetricName.Distortion), Value("lowpass5:fgsm=0.1", MetricName.Distortion));
        Assert.InRange(Value("fgsm=0.1", MetricName.Distortion), 0, 0.1);
        // accuracy_clean_correct · clean = the fraction robust and clean-correct; the rest of "accuracy" comes
        // from clean-misclassified inputs the attack happened to fix, at most 1 − clean.
        var robustAndCleanCorrect = Value("fgsm=0.1", "accuracy_clean_correct") * clean;
        var fgsm = Value("fgsm=0.1", MetricName.Accuracy);
        Assert.True(robustAndCleanCorrect <= fgsm + 1e-12 && fgsm - robustAndCleanCorrect <= 1 - clean + 1e-12,
            $"clean-correct robust accuracy {Value("fgsm=0.1", "accuracy_clean_correct"):R} is inconsistent with accuracy {fgsm:R} and clean accuracy {clean:R}");
    }

    [Fact]
    public void Calibration_figures_are_in_range_and_the_fitted_temperature_is_positive()
    {
        Assert.True(Value("clean", MetricName.Temperature) > 0, $"the fitted temperature should be > 0, got {Value("clean", MetricName.Temperature)}");
        foreach (var metric in new[] { MetricName.Ece15, MetricName.Ece15 + MetricName.TemperatureScaledSuffix, MetricName.Mce15, MetricName.Rms15 })
        {
            Assert.InRange(Value("clean", metric), 0, 1);
        }
        Assert.True(Value("clean", MetricName.Nll + MetricName.TemperatureScaledSuffix) <= Value("clean", MetricName.Nll) + 0.05,
            "temperature scaling fitted on validation data should not make the test NLL much worse");
        var regimes = Value("clean", MetricName.RegimeLinearFraction) + Value("clean", MetricName.RegimeNonlinearFraction) + Value("clean", MetricName.RegimeSaturatedFraction);
        Assert.True(Math.Abs(regimes - 1) < 1e-9, $"the three regime fractions should sum to 1, got {regimes}");
        Assert.InRange(Value("ood=noise", MetricName.AurocMsp), 0, 1);
        Assert.InRange(Value("pixel=1", "success_rate"), 0, 1);
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_metrics()
    {
        Assert.True(trial.First.Weights.AsSpan().SequenceEqual(trial.Second.Weights), "two runs of the same trial should train bit-identical weights");
        Assert.Equal(trial.First.Metrics, trial.Second.Metrics);
        Assert.Equal(trial.First.Curve.Select(c => c.Loss), trial.Second.Curve.Select(c => c.Loss));
    }

    [Fact]
    public void Stored_weights_reproduce_the_clean_accuracy_and_evaluate_new_conditions_without_training()
    {
        var later = SmallMnistTrial.Definition with { Evaluations = ["clean", "brightness=1.2", "blur7=1", "lowpass3:noise=0.1"] };

        var result = TrialRunner.Evaluate(later, Result.Weights!, SmallMnistTrial.Environment);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Empty(result.Curve);
        Assert.Equal(0, result.Timings.TrainSeconds);
        Assert.Equal(Value("clean", MetricName.Accuracy), result.Get("clean", MetricName.Accuracy));
        Assert.Equal(Result.Get("clean", MetricName.AccuracyOfClass(3)), result.Get("clean", MetricName.AccuracyOfClass(3)));
        Assert.Equal(["clean", "brightness=1.2", "blur7=1", "lowpass3:noise=0.1"], result.Metrics.Select(m => m.Condition).Distinct());
        Assert.Null(result.Get("fgsm=0.1", MetricName.Accuracy));
    }

    [Fact]
    public void Clean_accuracy_equals_the_accuracy_of_the_returned_weights_on_the_first_test_images()
    {
        var test = DatasetCache.Open(DatasetCatalog.Mnist, DataSplit.Test, TestData.MnistDirectory);
        using var positions = torch.arange(0, 500);
        using var first = test.Subset(positions);
        using var generator = new Generator(0);
        using var model = SmallMnistTrial.Definition.Model.Create(generator);
        ModelWeights.LoadInto(model, Result.Weights!);

        var accuracy = Predictions.Accuracy(model, first, torch.CPU);

        Assert.Equal(accuracy, Value("clean", MetricName.Accuracy), 12);
    }
}
