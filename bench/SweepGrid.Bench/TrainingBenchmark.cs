using System.Text.Json;
using SweepGrid.Robustness;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepGrid.Bench;

/// <summary>
/// One epoch of MLP-256 (sigmoid, T = 1) and LeNet on MNIST's training images, batch 64, Adam, one
/// thread: the same loop as bench/train_python.py. Prints one JSON object per model.
/// </summary>
internal static class TrainingBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArguments(args);
        var data = a.Get("data", Environment.GetEnvironmentVariable("SWEEPGRID_DATA") ?? "../shared/data/mnist");
        TorchRuntime.SetThreads(a.GetInt("threads", 1));
        var batchSize = a.GetInt("batch-size", 64);
        var seed = (ulong)a.GetInt("seed", 1);
        var limit = a.GetInt("limit", 0);
        var dataset = ImageDataset.FromIdxFiles(Path.Combine(data, "train-images-idx3-ubyte.gz"), Path.Combine(data, "train-labels-idx1-ubyte.gz"), "mnist/train");
        using var all = dataset.All();
        using var subset = limit > 0 ? all.Limit(limit, seed) : null;
        IBatchSource source = subset ?? all;
        foreach (var name in a.Get("models", "mlp,lenet").Split(','))
        {
            using var generator = new Generator(seed);
            using var model = new ModelSpec { Kind = ModelSpec.ParseKind(name) }.Create(generator);
            var trainer = new Trainer(new TrainingConfig { Epochs = 1, BatchSize = batchSize, Seed = seed });
            // CPU time as well as wall time: on a shared machine other processes stretch the wall clock.
            var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var result = trainer.Train(model, source, torch.CPU, generator);
            var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var epoch = result.Curve[^1];
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["model"] = name,
                ["samples_per_second"] = result.SamplesPerSecond,
                ["seconds"] = result.Seconds,
                ["cpu_seconds"] = cpuSeconds,
                ["loss"] = epoch.Loss,
                ["train_accuracy"] = epoch.TrainAccuracy,
            }));
        }
        Console.Out.Flush();
        return 0;
    }
}
