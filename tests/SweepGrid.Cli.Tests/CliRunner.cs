using System.CommandLine;
using SweepGrid.Cli.Commands;

namespace SweepGrid.Cli.Tests;

/// <summary>Runs `sweepgrid train` in process with captured output.</summary>
internal static class CliRunner
{
    public static string MnistDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SWEEPGRID_DATA");
            if (!string.IsNullOrEmpty(configured))
            {
                return Path.GetFullPath(configured);
            }
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepGrid.sln")))
            {
                dir = dir.Parent;
            }
            return Path.GetFullPath(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "..", "shared", "data", "mnist"));
        }
    }

    public static async Task<(int ExitCode, string Output, string Error)> Train(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { TrainCommand.Create(new SweepGridOptions { Data = MnistDirectory }, output, error) };
        var exit = await root.Parse(["train", .. args]).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }
}
