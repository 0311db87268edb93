using System.Text.Json;

namespace SweepGrid.Cli.Tests;

public class TrainCommandTests
{
    [Fact]
    public async Task Train_with_json_prints_one_object_with_accuracy_epochs_and_throughput()
    {
        var (exit, output, error) = await CliRunner.Train("--model", "mlp", "--epochs", "1", "--train-limit", "3000", "--json");

        Assert.True(exit == 0, $"exit {exit}, stderr: {error}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("epochs").GetInt32());
        var accuracy = root.GetProperty("accuracy").GetDouble();
        Assert.InRange(accuracy, 0.75, 1.0);
        Assert.True(root.GetProperty("training_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("training_samples_per_second").GetDouble() > 0);
        Assert.Equal(1, root.GetProperty("curve").GetArrayLength());
    }

    [Fact]
    public async Task Train_is_reproducible_for_a_seed_and_differs_across_seeds()
    {
        static async Task<double> Loss(string seed)
        {
            var (exit, output, error) = await CliRunner.Train("--model", "lenet", "--dropout", "all", "--train-limit", "500", "--seed", seed, "--json");
            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("curve")[0].GetProperty("loss").GetDouble();
        }

        var first = await Loss("7");
        var again = await Loss("7");
        var other = await Loss("8");
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData("--temperature", "-1", "--temperature must be a positive number")]
    [InlineData("--temperature", "1/0", "--temperature must be a positive number")]
    [InlineData("--model", "resnet", "unknown model 'resnet'; allowed: mlp, lenet, m3, m5, m7, ablation")]
    [InlineData("--dropout", "0.5,0.5", "dropout layout '0.5,0.5' is not none, inp, all or five rates")]
    [InlineData("--optimizer", "rmsprop", "--optimizer must be one of adam, adamw, sgd")]
    [InlineData("--epochs", "0", "epochs must be >= 1")]
    [InlineData("--lr", "0", "learning rate must be a positive number")]
    [InlineData("--threads", "0", "--threads must be >= 1")]
    [InlineData("--device", "tpu", "'tpu' is not a device")]
    public async Task Invalid_options_exit_with_code_2_and_name_what_is_allowed(string option, string value, string expected)
    {
        var (exit, output, error) = await CliRunner.Train(option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Missing_dataset_folder_exits_with_code_2_naming_the_folder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "sweepgrid-no-such-" + Guid.NewGuid().ToString("N"));

        var (exit, _, error) = await CliRunner.Train("--data", missing, "--train-limit", "100");

        Assert.Equal(2, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_image_file_exits_with_code_2_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("sweepgrid-truncated-");
        try
        {
            foreach (var name in new[] { "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
            {
                File.Copy(Path.Combine(CliRunner.MnistDirectory, name), Path.Combine(dir.FullName, name));
            }
            var truncated = Path.Combine(dir.FullName, "train-images-idx3-ubyte");
            var header = new byte[] { 0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3 };
            await File.WriteAllBytesAsync(truncated, header);

            var (exit, _, error) = await CliRunner.Train("--data", dir.FullName);

            Assert.Equal(2, exit);
            Assert.Contains("train-images-idx3-ubyte", error, StringComparison.Ordinal);
            Assert.Contains("truncated", error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Divergence_is_reported_with_exit_code_3_not_thrown()
    {
        var (exit, output, error) = await CliRunner.Train("--model", "mlp", "--temperature", "1/64", "--optimizer", "sgd", "--lr", "1e38", "--train-limit", "640", "--json");

        Assert.True(exit == 3, $"expected exit 3 (diverged), got {exit}; stdout: {output}; stderr: {error}");
        using var json = JsonDocument.Parse(output);
        Assert.Equal("diverged", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("diverged at epoch 1", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
