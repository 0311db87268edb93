using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Training;
using SweepGrid.Torch;

namespace SweepGrid.Cli.Commands;

/// <summary>Runs `sweepgrid train` once its settings are valid: load, train, evaluate, print.</summary>
public sealed class TrainJob(TrainSettings settings, TextWriter output, TextWriter error)
{
    public int Run(CancellationToken cancellation)
    {
        try
        {
            return RunChecked(cancellation);
        }
        catch (DatasetException e)
        {
            error.WriteLine($"sweepgrid train: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (TorchException e)
        {
            error.WriteLine($"sweepgrid train: libtorch error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private int RunChecked(CancellationToken cancellation)
    {
        TorchRuntime.SetThreads(settings.Threads);
        var load = Stopwatch.StartNew();
        var train = DatasetCache.Open("mnist", DataSplit.Train, settings.DataDirectory);
        var test = DatasetCache.Open("mnist", DataSplit.Test, settings.DataDirectory);
        using var allTrain = train.All();
        using var limited = settings.TrainLimit > 0 && settings.TrainLimit < train.Count ? allTrain.Limit(settings.TrainLimit, settings.Training.Seed) : null;
        var trainSet = limited ?? allTrain;
        using var testSet = test.All();
        var loadSeconds = load.Elapsed.TotalSeconds;

        using var generator = new Generator(settings.Training.Seed, settings.Device);
        using var model = settings.Model.Create(generator);
        model.To(settings.Device);
        var trainer = new Trainer(settings.Training);
        if (!settings.Json)
        {
            output.WriteLine($"model   {settings.Model} ({model.ParameterCount():N0} parameters) on {settings.Device}, {settings.Threads} thread(s)");
            output.WriteLine($"data    {trainSet.Count:N0} training / {testSet.Count:N0} test images ({settings.DataDirectory}, loaded in {loadSeconds:F1} s)");
            trainer.EpochCompleted += e => output.WriteLine(
                $"epoch {e.Epoch}/{settings.Training.Epochs}  loss {e.Loss:F4}  train acc {e.TrainAccuracy:P2}  {e.SamplesPerSecond:N0} samples/s  {e.Seconds:F1} s");
        }
        var result = trainer.Train(model, trainSet, settings.Device, generator, cancellation);
        double? accuracy = result.Status == TrainingStatus.Completed ? Predictions.Accuracy(model, testSet, settings.Device) : null;
        Report(result, accuracy);
        return result.Status switch
        {
            TrainingStatus.Completed => ExitCodes.Success,
            TrainingStatus.Diverged => ExitCodes.Diverged,
            _ => ExitCodes.Cancelled,
        };
    }

    private void Report(TrainingResult result, double? accuracy)
    {
        if (settings.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new TrainReport(
                settings.Model.Kind.ToString().ToLowerInvariant(), settings.Model.ToString(), result.Status.ToString().ToLowerInvariant(), result.Reason,
                accuracy, result.Curve.Count, result.Seconds, result.SamplesPerSecond, result.Curve), TrainReport.JsonOptions));
            return;
        }
        output.WriteLine(accuracy is double a
            ? string.Create(CultureInfo.InvariantCulture, $"test accuracy {a:P2}  (training {result.Seconds:F1} s, {result.SamplesPerSecond:N0} samples/s)")
            : $"training {result.Status.ToString().ToLowerInvariant()}: {result.Reason}");
    }
}
