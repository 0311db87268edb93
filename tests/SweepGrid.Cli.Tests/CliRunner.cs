using System.CommandLine;
using SweepGrid.Cli.Commands;
using SweepGrid.Robustness.Tests.Support;

namespace SweepGrid.Cli.Tests;

/// <summary>Runs `sweepgrid train` in process with captured output.</summary>
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
}
