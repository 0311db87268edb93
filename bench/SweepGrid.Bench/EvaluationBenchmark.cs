using System.Diagnostics;
using System.Text.Json;
using SweepGrid.Robustness;
using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;
using SweepGrid.Robustness.Weights;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepGrid.Bench;

/// <summary>
/// The evaluation suite (clean, 4 brightness factors, 4 blur σ, FGSM at 3 ε) over MNIST's 10,000 test
/// images, one thread — the same work as bench/eval_python.py. With --train it first trains LeNet for
/// one epoch and saves the weights (--weights FILE) for the python side; otherwise it loads them.
/// </summary>
internal static class EvaluationBenchmark
{
    public const string Suite = "clean,brightness=0.8,brightness=0.9,brightness=1.1,brightness=1.2,blur=0.3,blur=0.5,blur=0.7,blur=0.9,fgsm=0.05,fgsm=0.1,fgsm=0.2";

    public static int Run(string[] args)
    {
        var a = new BenchArguments(args);
        var data = a.Get("data", Environment.GetEnvironmentVariable("SWEEPGRID_DATA") ?? "../shared/data/mnist");
        var weights = a.Get("weights", "lenet.weights");
        TorchRuntime.SetThreads(1);
        using var generator = new Generator(1);
        using var model = new LeNet(generator: generator);
        if (args.Contains("--train"))
        {
            using var train = DatasetCache.Open("mnist", DataSplit.Train, data).All();
            var result = new Trainer(new TrainingConfig { Epochs = 1, BatchSize = 64, Seed = 1 }).Train(model, train, torch.CPU, generator);
            File.WriteAllBytes(weights, ModelWeights.Save(model));
            Console.Error.WriteLine($"trained LeNet for one epoch in {result.Seconds:F1} s; weights in {weights}");
        }
        else
        {
            ModelWeights.LoadInto(model, File.ReadAllBytes(weights));
        }
        using var test = DatasetCache.Open("mnist", DataSplit.Test, data).All();
        using var positions = torch.arange(0, test.Count, ScalarType.Int64);
        var (images, labels) = test.Batch(positions, torch.CPU);
        model.eval();
        var conditions = new Dictionary<string, object>();
        var total = Stopwatch.StartNew();
        foreach (var condition in ConditionParser.ParseList(Suite, 1))
        {
            var clock = Stopwatch.StartNew();
            using var evaluated = condition.Apply(model, images, labels);
            var accuracy = Accuracy(model, evaluated, labels);
            conditions[condition.Name] = new Dictionary<string, double> { ["accuracy"] = accuracy, ["seconds"] = clock.Elapsed.TotalSeconds };
        }
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["total_seconds"] = total.Elapsed.TotalSeconds, ["conditions"] = conditions }));
        images.Dispose();
        labels.Dispose();
        return 0;
    }

    private static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels)
    {
        using var noGrad = torch.no_grad();
        long correct = 0;
        for (long start = 0; start < images.shape[0]; start += 1000)
        {
            using var scope = torch.NewDisposeScope();
            var length = Math.Min(1000, images.shape[0] - start);
            correct += model.forward(images.narrow(0, start, length)).argmax(1).eq(labels.narrow(0, start, length)).sum().item<long>();
        }
        return (double)correct / images.shape[0];
    }
}
