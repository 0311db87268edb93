using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

public class TemperatureScalingTests
{
    /// <summary>
    /// Labels drawn from softmax(z) with z ~ N(0, 2²) per class, and the model's logits are z·T_true:
    /// softmax(logits / T) reproduces the label distribution exactly at T = T_true.
    /// </summary>
    private static (LogitMatrix Logits, int[] Labels) Synthetic(double trueTemperature, int samples, int seed)
    {
        const int classes = 10;
        var random = new Random(seed);
        var logits = new float[samples * classes];
        var labels = new int[samples];
        var p = new double[classes];
        for (var i = 0; i < samples; i++)
        {
            var z = new double[classes];
            for (var k = 0; k < classes; k++)
            {
                // Box–Muller.
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                z[k] = 2.0 * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
                logits[(i * classes) + k] = (float)(z[k] * trueTemperature);
            }
            var max = z.Max();
            var sum = 0.0;
            for (var k = 0; k < classes; k++)
            {
                p[k] = Math.Exp(z[k] - max);
                sum += p[k];
            }
            var draw = random.NextDouble() * sum;
            var label = classes - 1;
            for (var k = 0; k < classes; k++)
            {
                draw -= p[k];
                if (draw < 0)
                {
                    label = k;
                    break;
                }
            }
            labels[i] = label;
        }
        return (new LogitMatrix(logits, classes), labels);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(0.5)]
    public void Fit_recovers_the_temperature_that_generated_the_labels(double trueTemperature)
    {
        var (logits, labels) = Synthetic(trueTemperature, 4000, seed: 20240601);
        var fit = TemperatureScaling.Fit(logits, labels);
        Assert.False(fit.ReachedBound, $"the fit should be interior, got T = {fit.Temperature}");
        Assert.True(Math.Abs(fit.Temperature / trueTemperature - 1.0) < 0.04, $"expected T ≈ {trueTemperature} (±4%), got {fit.Temperature}");
        Assert.True(fit.Validation.NllAfter <= fit.Validation.NllBefore, $"NLL should not rise: {fit.Validation.NllBefore} → {fit.Validation.NllAfter}");
    }

    [Fact]
    public void Fitted_temperature_is_a_minimum_of_the_validation_nll()
    {
        var (logits, labels) = Synthetic(3.0, 1000, seed: 7);
        var t = TemperatureScaling.Fit(logits, labels).Temperature;
        var atFit = CalibrationMetrics.NegativeLogLikelihood(logits, labels, t);
        foreach (var factor in new[] { 0.999, 1.001, 0.9, 1.1 })
        {
            var nearby = CalibrationMetrics.NegativeLogLikelihood(logits, labels, t * factor);
            Assert.True(nearby >= atFit, $"NLL at T·{factor} = {nearby} is below NLL at the fitted T = {t} ({atFit})");
        }
    }

    [Fact]
    public void Overconfident_logits_get_a_temperature_above_one_that_lowers_nll_and_ece()
    {
        var (logits, labels) = Synthetic(4.0, 2000, seed: 11);
        var fit = TemperatureScaling.Fit(logits, labels);
        Assert.True(fit.Temperature > 1.0, $"expected T > 1 for logits scaled up by 4, got {fit.Temperature}");
        Assert.True(fit.Validation.EceAfter < fit.Validation.EceBefore, $"ECE should drop: {fit.Validation.EceBefore} → {fit.Validation.EceAfter}");
    }

    [Fact]
    public void Report_applies_a_fitted_temperature_to_other_logits()
    {
        var (validation, validationLabels) = Synthetic(2.0, 1000, seed: 3);
        var (test, testLabels) = Synthetic(2.0, 500, seed: 4);
        var t = TemperatureScaling.Fit(validation, validationLabels).Temperature;
        var report = TemperatureScaling.Report(test, testLabels, t);
        Assert.Equal(t, report.Temperature);
        Assert.Equal(CalibrationMetrics.NegativeLogLikelihood(test, testLabels), report.NllBefore, 12);
        Assert.Equal(CalibrationMetrics.NegativeLogLikelihood(test, testLabels, t), report.NllAfter, 12);
        var metrics = report.ToMetrics();
        Assert.Equal(t, metrics[MetricName.Temperature]);
        Assert.Equal(report.EceAfter, metrics[MetricName.Ece15 + MetricName.TemperatureScaledSuffix]);
        Assert.Equal(report.EceBefore, metrics[MetricName.Ece15]);
    }

    [Fact]
    public void Validation_without_errors_drives_the_temperature_to_the_lower_bound()
    {
        // Every prediction right: the NLL keeps falling as T → 0.
        var logits = new LogitMatrix([2f, 0f, 0f, 1f, 3f, 0f], 2);
        var fit = TemperatureScaling.Fit(logits, [0, 1, 0]);
        Assert.True(fit.ReachedBound, "a perfectly separated validation set should hit the bound");
        Assert.Equal(TemperatureScaling.DefaultMinTemperature, fit.Temperature, 12);
    }

    [Fact]
    public void Fit_rejects_an_empty_bracket()
    {
        Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit(new LogitMatrix([0f, 1f], 2), [1], 2.0, 1.0));
    }
}
