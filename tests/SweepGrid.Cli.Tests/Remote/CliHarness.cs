using System.CommandLine;
using SweepGrid.Cli.Commands;
using SweepGrid.Cli.Remote;

namespace SweepGrid.Cli.Tests.Remote;

/// <summary>Runs the study commands as `sweepgrid` wires them (local commands, the remote client, the exit-code handling).</summary>
internal static class CliHarness
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { ValidateCommand.Create(output, error) };
        foreach (var command in StudyCommands.Create(output, error))
        {
            root.Subcommands.Add(command);
        }
        RemoteCommands.Attach(root, output, error);
        var exit = await CliInvocation.InvokeAsync(root, args, error);
        return (exit, output.ToString(), error.ToString());
    }
}
