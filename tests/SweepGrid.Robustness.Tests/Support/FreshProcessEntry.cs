using System.Text.Json;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Tests.Training;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Support;

/// <summary>
/// The test assembly's entry point. The test runner never calls it; <see cref="TorchSharpRuntimeTests"/>
/// starts this assembly with <c>dotnet</c> so that TorchSharp is loaded from the build output by a process
/// that has loaded nothing else, as <c>sweepgrid</c> does on a fresh machine.
/// </summary>
internal static class FreshProcessEntry
{
    public const string TrainCommand = "load-and-train";

    public static int Main(string[] args)
    {
        if (args is not [TrainCommand])
        {
            Console.Error.WriteLine($"usage: dotnet SweepGrid.Robustness.Tests.dll {TrainCommand}");
            return 2;
        }
        TorchRuntime.SetThreads(1);
        using var data = new SyntheticDigitsSource(200, seed: 1);
        using var generator = new Generator(1);
        using var model = new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 32 }.Create(generator);
        var result = new Trainer(new TrainingConfig { Seed = 1, Epochs = 10, BatchSize = 20 }).Train(model, data, torch.CPU, generator);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            version = TorchRuntime.Version,
            status = result.Status.ToString(),
            first_loss = result.Curve[0].Loss,
            last_loss = result.Curve[^1].Loss,
            last_accuracy = result.Curve[^1].TrainAccuracy,
        }));
        return 0;
    }
}
