using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SweepGrid.Robustness.Metrics;

namespace SweepGrid.Robustness.Tests.Metrics;

/// <summary>
/// Runs Parity/metrics_parity.py (torch/numpy reference implementations) under Debian's python3-torch
/// on fixed arrays and compares every value to 1e-6.
/// </summary>
public class PythonParityTests
{
    private const string Python = "/usr/bin/python3";
    private const double Tolerance = 1e-6;

    [Fact]
    public void Calibration_nll_auroc_and_fpr95_match_the_torch_and_numpy_references()
    {
        var (logits, labels) = FixedLogits();
        var matrix = new LogitMatrix(logits, Classes);
        var confident = OodScores.Anomaly(new LogitMatrix(logits[..(300 * Classes)], Classes), OodScore.MaxSoftmaxProbability);
        var flat = OodScores.Anomaly(new LogitMatrix(logits[(300 * Classes)..], Classes), OodScore.MaxSoftmaxProbability);
        // Scores rounded to 0.05 create many ties, including ties across ID and OOD.
        var coarseIn = confident.Select(s => Math.Round(s * 20) / 20).ToArray();
        var coarseOut = flat.Select(s => Math.Round(s * 20) / 20).ToArray();
        double[][][] pairs = [[confident, flat], [coarseIn, coarseOut], [flat, confident]];

        var reference = RunReference(logits, labels, pairs);

        var (confidences, correct) = CalibrationMetrics.ConfidenceAndCorrectness(matrix, labels);
        var diagram = ReliabilityDiagram.Compute(confidences, correct);
        AssertClose("ece_15", reference.GetProperty("ece_15").GetDouble(), diagram.ExpectedCalibrationError);
        AssertClose("mce_15", reference.GetProperty("mce_15").GetDouble(), diagram.MaximumCalibrationError);
        AssertClose("rms_15", reference.GetProperty("rms_15").GetDouble(), diagram.RmsCalibrationError);
        AssertClose("nll", reference.GetProperty("nll").GetDouble(), CalibrationMetrics.NegativeLogLikelihood(matrix, labels));
        AssertClose(
            "rms_adaptive100 (skip last)",
            reference.GetProperty("rms_adaptive100_skiplast").GetDouble(),
            CalibrationMetrics.AdaptiveRmsCalibrationError(confidences, correct, skipLast: true));
        var aurocs = reference.GetProperty("auroc").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var fprs = reference.GetProperty("fpr95").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var i = 0; i < pairs.Length; i++)
        {
            AssertClose($"auroc of pair {i}", aurocs[i], OodDetection.Auroc(pairs[i][0], pairs[i][1]));
            AssertClose($"fpr95 of pair {i}", fprs[i], OodDetection.FalsePositiveRateAtRecall(pairs[i][0], pairs[i][1]));
        }
        Assert.True(confidences.Count(c => c == 1.0) >= 20, "the fixed data should include saturated confidences of exactly 1.0");
    }

    private const int Classes = 10;

    /// <summary>
    /// 600 rows: the first 300 confident (scale 3, every tenth with a margin of 60 so the double
    /// softmax saturates to 1.0), the last 300 flat (scale 0.7); labels agree with the argmax 70% of the time.
    /// </summary>
    private static (float[] Logits, int[] Labels) FixedLogits()
    {
        var random = new Random(1234);
        const int rows = 600;
        var logits = new float[rows * Classes];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var scale = i < 300 ? 3.0 : 0.7;
            for (var k = 0; k < Classes; k++)
            {
                logits[(i * Classes) + k] = (float)(scale * ((random.NextDouble() * 2.0) - 1.0));
            }
            var top = random.Next(Classes);
            if (i < 300 && i % 10 == 0)
            {
                logits[(i * Classes) + top] = 60f;
            }
            var row = logits.AsSpan(i * Classes, Classes);
            var argmax = row.IndexOf(row.ToArray().Max());
            labels[i] = random.NextDouble() < 0.7 ? argmax : random.Next(Classes);
        }
        return (logits, labels);
    }

    private static JsonElement RunReference(float[] logits, int[] labels, double[][][] pairs)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing: install Debian's python3-torch (with numpy) to run the metrics parity test");
        }
        var script = Path.Combine(RepositoryRoot(), "tests", "SweepGrid.Robustness.Tests", "Metrics", "Parity", "metrics_parity.py");
        Assert.True(File.Exists(script), $"parity script not found at {script}");

        var directory = Directory.CreateTempSubdirectory("sweepgrid-metrics-parity-");
        try
        {
            var input = Path.Combine(directory.FullName, "input.json");
            var output = Path.Combine(directory.FullName, "output.json");
            var rows = Enumerable.Range(0, labels.Length).Select(i => logits[(i * Classes)..((i + 1) * Classes)]).ToArray();
            var payload = new
            {
                logits = rows,
                labels,
                ood_pairs = pairs.Select(p => new { @in = p[0], @out = p[1] }).ToArray(),
            };
            File.WriteAllText(input, JsonSerializer.Serialize(payload));

            var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(input);
            start.ArgumentList.Add(output);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{script} did not finish within 120 s");
            }
            Assert.True(
                process.ExitCode == 0,
                $"{script} exited with {process.ExitCode} (python3-torch and numpy are required):\n{stderr.Result}{stdout.Result}");
            using var document = JsonDocument.Parse(File.ReadAllText(output));
            return document.RootElement.Clone();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The folder holding SweepGrid.sln, found by walking up from the test binaries; when the build
    /// output lives outside the tree (--artifacts-path), from this source file's compile-time path.
    /// </summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        return FindSolutionAbove(AppContext.BaseDirectory)
            ?? FindSolutionAbove(Path.GetDirectoryName(sourceFile) ?? string.Empty)
            ?? throw new InvalidOperationException($"cannot find the repository root (SweepGrid.sln) above {AppContext.BaseDirectory} or {sourceFile}");
    }

    private static string? FindSolutionAbove(string start)
    {
        var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepGrid.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName;
    }

    private static void AssertClose(string metric, double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{metric}: reference {expected:R}, SweepGrid {actual:R} (tolerance {Tolerance})");
}
