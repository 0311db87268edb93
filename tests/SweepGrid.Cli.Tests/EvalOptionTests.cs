using System.Text.Json;

namespace SweepGrid.Cli.Tests;

public class EvalOptionTests
{
    [Fact]
    public async Task Eval_prints_metrics_per_condition_in_json()
    {
        var (exit, output, error) = await CliRunner.Train(
            "--model", "mlp", "--train-limit", "2000", "--test-limit", "300", "--eval", "clean,brightness=0.8,fgsm=0.1,ece", "--json");

        Assert.True(exit == 0, $"exit {exit}, stderr: {error}");
        using var json = JsonDocument.Parse(output);
        var metrics = json.RootElement.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => (m.GetProperty("condition").GetString()!, m.GetProperty("metric").GetString()!), m => m.GetProperty("value").GetDouble());
        var clean = metrics[("clean", "accuracy")];
        Assert.Equal(clean, json.RootElement.GetProperty("accuracy").GetDouble());
        Assert.Equal(metrics[("fgsm=0.1", "accuracy")] - clean, metrics[("fgsm=0.1", "delta_accuracy")], 12);
        Assert.True(metrics[("fgsm=0.1", "accuracy")] < clean, "FGSM at ε = 0.1 should lower accuracy");
        Assert.InRange(metrics[("brightness=0.8", "distortion")], 0.001, 0.1);
        Assert.InRange(metrics[("clean", "ece_15")], 0, 1);
    }

    [Fact]
    public async Task Eval_text_output_has_one_row_per_condition()
    {
        var (exit, output, error) = await CliRunner.Train("--train-limit", "1000", "--test-limit", "200", "--eval", "clean,blur=0.5,noise=0.3");

        Assert.True(exit == 0, error);
        var rows = output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()).ToList();
        Assert.Contains("clean", rows);
        Assert.Contains("blur=0.5", rows);
        Assert.Contains("noise=0.3", rows);
    }

    [Theory]
    [InlineData("fgsm=2", "out of range")]
    [InlineData("contrast=0.5", "unknown condition \"contrast\"")]
    [InlineData("pixel=9", "\"pixel=n\" needs n in 1 … 3")]
    [InlineData("lowpass4:clean", "a stage is \"lowpass<3|5|7>[;noise=<σ>]\"")]
    public async Task Invalid_evaluation_entries_exit_with_code_2_before_training(string entry, string expected)
    {
        var (exit, output, error) = await CliRunner.Train("--eval", entry);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("epoch", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Temperature_scaling_without_a_validation_split_is_refused()
    {
        var (exit, _, error) = await CliRunner.Train("--train-limit", "500", "--eval", "clean,ts");

        Assert.Equal(2, exit);
        Assert.Contains("needs a validation split", error, StringComparison.Ordinal);
    }
}
