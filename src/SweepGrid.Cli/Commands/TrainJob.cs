using System.Runtime.InteropServices;
using System.Text.Json;
using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Cli.Commands;

/// <summary>Runs `sweepgrid train` once its settings are valid: one trial through <see cref="TrialRunner"/>, then print.</summary>
public sealed class TrainJob(TrainSettings settings, TextWriter output, TextWriter error)
{
    public int Run(CancellationToken cancellation)
    {
        try
        {
            return RunChecked(cancellation);
        }
        catch (Exception e) when (e is DatasetException or ArgumentException or InvalidConditionException)
        {
            error.WriteLine($"sweepgrid train: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("sweepgrid train: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (ExternalException e)
        {
            error.WriteLine($"sweepgrid train: libtorch error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private int RunChecked(CancellationToken cancellation)
    {
        var trial = settings.Trial;
        if (!settings.Json)
        {
            output.WriteLine($"model   {trial.Model} on {settings.Environment.Device}, {settings.Environment.Threads} thread(s), seed {trial.Training.Seed}");
            output.WriteLine($"data    {trial.Dataset} from {settings.Environment.DataDirectory}");
        }
        Action<EpochStats>? onEpoch = settings.Json ? null : e => output.WriteLine(
            $"epoch {e.Epoch}/{trial.Training.Epochs}  loss {e.Loss:F4}  train acc {e.TrainAccuracy:P2}  {e.SamplesPerSecond:N0} samples/s  {e.Seconds:F1} s");
        var result = TrialRunner.Run(trial, settings.Environment, onEpoch, cancellation);
        if (settings.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(TrainReport.From(trial, result), TrainReport.JsonOptions));
        }
        else
        {
            MetricsTable.Write(output, result);
        }
        return result.Status switch
        {
            TrainingStatus.Completed => ExitCodes.Success,
            TrainingStatus.Diverged => ExitCodes.Diverged,
            _ => ExitCodes.Cancelled,
        };
    }
}
