using System.Globalization;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Cli.Commands;

/// <summary>Prints a trial's metrics as text: one line per condition with its headline numbers, then the rest.</summary>
internal static class MetricsTable
{
    private static readonly string[] Headline = [MetricName.Accuracy, MetricName.DeltaAccuracy, MetricName.Distortion];

    public static void Write(TextWriter output, TrialResult result)
    {
        if (result.Status != Robustness.Training.TrainingStatus.Completed)
        {
            output.WriteLine($"training {result.Status.ToString().ToLowerInvariant()}: {result.Reason}");
            return;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained in {result.Timings.TrainSeconds:F1} s, evaluated in {result.Timings.EvaluateSeconds:F1} s"));
        var byCondition = result.Metrics.GroupBy(m => m.Condition).ToList();
        var width = Math.Max(10, byCondition.Max(g => g.Key.Length) + 2);
        output.WriteLine($"{"condition".PadRight(width)}{"accuracy",10}{"Δ clean",10}{"distortion",12}  other");
        foreach (var group in byCondition)
        {
            var values = group.ToDictionary(m => m.Metric, m => m.Value);
            var others = group.Where(m => !Headline.Contains(m.Metric) && m.Metric != MetricName.Error && !m.Metric.Contains("_class_", StringComparison.Ordinal))
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Metric}={m.Value:G4}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key.PadRight(width)}{Cell(values, MetricName.Accuracy, "P2"),10}{Cell(values, MetricName.DeltaAccuracy, "+0.00%;-0.00%"),10}{Cell(values, MetricName.Distortion, "F4"),12}  {string.Join(" ", others)}"));
        }
    }

    private static string Cell(Dictionary<string, double> values, string metric, string format) =>
        values.TryGetValue(metric, out var v) ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
