using System.CommandLine;
using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Cli.Commands;

/// <summary>`sweepgrid train`: train one model, evaluate it under the requested conditions, print the metrics.</summary>
public static class TrainCommand
{
    public static Command Create(SweepGridOptions configured, TextWriter output, TextWriter error)
    {
        var options = new TrainOptions();
        var command = new Command("train", "Train one model on MNIST (or Fashion-MNIST, KMNIST) and print its metrics per evaluation condition.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellation) =>
        {
            TrainSettings settings;
            try
            {
                settings = options.Bind(parse, configured);
                // Parse the evaluation list now so a typo fails before minutes of training.
                Robustness.Evaluation.EvaluationPlan.Parse(settings.Trial.Evaluations, settings.Trial.Training.Seed);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidConditionException)
            {
                error.WriteLine($"sweepgrid train: {e.Message}");
                return Task.FromResult(ExitCodes.InvalidInput);
            }
            return Task.FromResult(new TrainJob(settings, output, error).Run(cancellation));
        });
        return command;
    }
}
