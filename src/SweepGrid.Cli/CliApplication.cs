using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SweepGrid.Cli.Commands;

namespace SweepGrid.Cli;

/// <summary>Builds the host (configuration, logging) and the command tree, then runs one command.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("SWEEPGRID_");
        builder.Logging.ClearProviders();
        // Logs go to stderr so stdout stays machine-readable (--json).
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<SweepGridOptions>(builder.Configuration);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<SweepGridOptions>>().Value;
        var root = new RootCommand("SweepGrid: hyperparameter sweeps for robustness studies of neural networks.")
        {
            TrainCommand.Create(options, Console.Out, Console.Error),
            DataCommand.Create(options, Console.Out, Console.Error),
            RunCommand.Create(options, Console.Out, Console.Error),
            ServeCommand.Create(options, Console.Out, Console.Error),
            ValidateCommand.Create(Console.Out, Console.Error),
        };
        foreach (var command in StudyCommands.Create(Console.Out, Console.Error))
        {
            root.Subcommands.Add(command);
        }
        Remote.RemoteCommands.Attach(root, Console.Out, Console.Error);
        return await CliInvocation.InvokeAsync(root, args, Console.Error).ConfigureAwait(false);
    }
}
