using System.Diagnostics;
using System.Text.Json;
using SweepGrid.Robustness;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepGrid.Bench;

/// <summary>
/// Where one training step's time goes: the Trainer's loop for one epoch of MLP-256 (or LeNet), with a
/// clock read between its phases. Prints mean microseconds per step and phase as JSON, beside
/// bench/profile_python.py's identical split of the python3-torch loop.
/// </summary>
internal static class StepProfile
{
    private static readonly string[] Phases = ["batch", "forward_loss", "zero_grad", "backward", "optimizer_step", "read_loss_and_accuracy", "dispose"];

    public static int Run(string[] args)
    {
        var a = new BenchArguments(args);
        var data = a.Get("data", Environment.GetEnvironmentVariable("SWEEPGRID_DATA") ?? "../shared/data/mnist");
        TorchRuntime.SetThreads(1);
        var dataset = ImageDataset.FromIdxFiles(Path.Combine(data, "train-images-idx3-ubyte.gz"), Path.Combine(data, "train-labels-idx1-ubyte.gz"), "mnist/train");
        using var all = dataset.All();
        var name = a.Get("model", "mlp");
        using var generator = new Generator(1);
        using var model = new ModelSpec { Kind = ModelSpec.ParseKind(name) }.Create(generator);
        // The trainer's Adam (FusedCpuAdam) by default; --optimizer torchsharp measures TorchSharp's own.
        var optimizerName = a.Get("optimizer", "sweepgrid");
        using var optimizer = optimizerName == "torchsharp"
            ? optim.Adam(model.parameters(), 1e-3)
            : OptimizerFactory.Create(new OptimizerSettings(OptimizerKind.Adam, 1e-3), model);
        var ticks = new long[Phases.Length];
        long steps = 0;
        model.train();
        using var order = torch.randperm(all.Count, generator: generator);
        var total = Stopwatch.StartNew();
        for (long start = 0; start < all.Count; start += 64)
        {
            var t0 = Stopwatch.GetTimestamp();
            var scope = torch.NewDisposeScope();
            var (x, y) = all.Batch(order.narrow(0, start, Math.Min(64, all.Count - start)), torch.CPU);
            var t1 = Stopwatch.GetTimestamp();
            var logits = model.forward(x);
            var loss = nn.functional.cross_entropy(logits, y);
            var t2 = Stopwatch.GetTimestamp();
            optimizer.ClearGradients();
            var t3 = Stopwatch.GetTimestamp();
            loss.backward();
            var t4 = Stopwatch.GetTimestamp();
            optimizer.step();
            var t5 = Stopwatch.GetTimestamp();
            _ = loss.item<float>();
            _ = logits.argmax(1).eq(y).sum().item<long>();
            var t6 = Stopwatch.GetTimestamp();
            scope.Dispose();
            var t7 = Stopwatch.GetTimestamp();
            long[] marks = [t0, t1, t2, t3, t4, t5, t6, t7];
            for (var i = 0; i < Phases.Length; i++)
            {
                ticks[i] += marks[i + 1] - marks[i];
            }
            steps++;
        }
        var perStep = Phases.Select((p, i) => (p, ticks[i] * 1e6 / Stopwatch.Frequency / steps)).ToDictionary(e => e.p, e => Math.Round(e.Item2, 1));
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["implementation"] = optimizerName == "torchsharp" ? "sweepgrid, TorchSharp Adam" : "sweepgrid",
            ["model"] = name,
            ["steps"] = steps,
            ["step_us"] = Math.Round(total.Elapsed.TotalMilliseconds * 1000 / steps, 1),
            ["phases_us"] = perStep,
        }));
        return 0;
    }
}
