using System.CommandLine;
using SweepGrid.Cli.Commands;
using SweepGrid.Cli.Remote;

namespace SweepGrid.Cli.Tests.Remote;

/// <summary>Runs the study commands as `sweepgrid` wires them (local commands, the remote client, the exit-code handling).</summary>
internal static class CliHarness
{
    public static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="environment"/> as the only environment variables the remote client sees.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { ValidateCommand.Create(output, error) };
        foreach (var command in StudyCommands.Create(output, error))
        {
            root.Subcommands.Add(command);
        }
        RemoteCommands.Attach(root, output, error, environment: name => environment.GetValueOrDefault(name));
        var exit = await CliInvocation.InvokeAsync(root, args, error);
        return (exit, output.ToString(), error.ToString());
    }
}
