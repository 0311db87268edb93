using System.CommandLine;
using SweepGrid.Cli.Commands;
using SweepGrid.Robustness.Tests.Support;

namespace SweepGrid.Cli.Tests;

/// <summary>Runs `sweepgrid train` and the study commands in process with captured output.</summary>
internal static class CliRunner
{
    public static string MnistDirectory => TestData.MnistDirectory;

    public static async Task<(int ExitCode, string Output, string Error)> Train(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { TrainCommand.Create(new SweepGridOptions { Data = MnistDirectory }, output, error) };
        var exit = await root.Parse(["train", .. args]).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>`run`, `validate` and the local study commands (list, status, cancel, retry, report), reading MNIST from <see cref="MnistDirectory"/>.</summary>
    public static async Task<(int Exit, string Output, string Error)> Study(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand
        {
            RunCommand.Create(new SweepGridOptions { Data = MnistDirectory }, output, error),
            ValidateCommand.Create(output, error),
        };
        foreach (var command in StudyCommands.Create(output, error))
        {
            root.Subcommands.Add(command);
        }
        var exit = await root.Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }
}
