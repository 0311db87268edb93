using System.CommandLine;
using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using SweepGrid.Cli.Studies;
using SweepGrid.Orchestration.Cluster;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Store;
using SweepGrid.Robustness;
using SweepGrid.Server;
using SweepGrid.Server.Planning;
using TorchSharp;
using Device = TorchSharp.torch.Device;

namespace SweepGrid.Cli.Commands;

/// <summary>
/// `sweepgrid serve`: one cluster member in an ASP.NET Core host. Kestrel serves <c>/healthz</c> (process alive),
/// <c>/readyz</c> (member Up and the database answers), <c>/metrics</c> (Prometheus) and, on coordinator-role members, the HTTP API. Options
/// come from appsettings, <c>SWEEPGRID_*</c> environment variables (<c>__</c> nests) and these flags, in that order.
/// SIGTERM or Ctrl-C drains the node (running trials handed back without spending an attempt) and leaves.
/// </summary>
public static class ServeCommand
{
    public static Command Create(SweepGridOptions configured, TextWriter output, TextWriter error)
    {
        var flags = new (Option<string?> Option, string Key)[]
        {
            (new("--roles") { Description = "coordinator, node or coordinator,node (default both)." }, "Cluster:Roles"),
            (new("--hostname") { Description = "Address Akka remoting binds to (default 127.0.0.1)." }, "Cluster:Hostname"),
            (new("--public-hostname") { Description = "Address other members reach this one at (default: --hostname)." }, "Cluster:PublicHostname"),
            (new("--port") { Description = "Akka remoting port (default 4053)." }, "Cluster:Port"),
            (new("--seed-nodes") { Description = "Comma-separated host:port of the seed members." }, "Cluster:SeedNodes"),
            (new("--db") { Description = "PostgreSQL URL or connection string shared by every member (or a SQLite path for one member)." }, "Database:Url"),
            (new("--slots") { Description = "Parallel trials (default: one per core on cpu, one per GPU on cuda)." }, "Node:Slots"),
            (new("--device") { Description = "cpu or cuda[:N]." }, "Node:Device"),
            (new("--threads") { Description = "libtorch threads per slot (default 1)." }, "Node:Threads"),
            (new("--api-urls") { Description = "Kestrel URLs (default http://127.0.0.1:5080)." }, "Api:Urls"),
        };
        var command = new Command("serve", "Start a cluster member (coordinator and/or node) with its health endpoints and, on coordinators, the HTTP API.");
        foreach (var (option, _) in flags)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellation) =>
        {
            var overrides = flags.Where(f => parse.GetValue(f.Option) is not null).ToDictionary(f => f.Key, f => parse.GetValue(f.Option));
            return await RunAsync(configured, overrides, output, error, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(SweepGridOptions configured, Dictionary<string, string?> overrides, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("SWEEPGRID_")
            .AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var validation = new ClusterOptionsValidation();
        builder.Services.AddSingleton<IValidateOptions<ClusterMemberOptions>>(validation);
        builder.Services.AddSingleton<IValidateOptions<NodeHostOptions>>(validation);
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>>(validation);
        builder.Services.AddOptions<ClusterMemberOptions>().Bind(builder.Configuration.GetSection(ClusterMemberOptions.Section)).ValidateOnStart();
        builder.Services.AddOptions<NodeHostOptions>().Bind(builder.Configuration.GetSection(NodeHostOptions.Section)).ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();

        // The member's shape decides what the actor system starts, so the options are read (and checked) now.
        ClusterMemberOptions member;
        NodeHostOptions nodeHost;
        DatabaseOptions database;
        Device device;
        try
        {
            member = Bind<ClusterMemberOptions>(builder.Configuration, ClusterMemberOptions.Section, validation.Validate);
            nodeHost = Bind<NodeHostOptions>(builder.Configuration, NodeHostOptions.Section, validation.Validate);
            database = Bind<DatabaseOptions>(builder.Configuration, DatabaseOptions.Section, validation.Validate);
            // Only a node trains; a CUDA device that does not exist here is refused at start, not turned into failed trials.
            device = member.IsNode ? NodeDevice(nodeHost.Device) : TorchSharp.torch.CPU;
        }
        catch (Exception e) when (e is OptionsValidationException or FormatException or ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"sweepgrid serve: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var metrics = ProcessMetrics.Get();
        var store = new TimedTrialStore(StoreLocation.Open(database.Url), metrics);
        await using (store.ConfigureAwait(false))
        {
            try
            {
                await store.MigrateAsync(cancellation).ConfigureAwait(false);
            }
            catch (StoreException e)
            {
                error.WriteLine($"sweepgrid serve: {e.Message}");
                return ExitCodes.Failure;
            }
            builder.Services.AddSingleton<ITrialStore>(store);
            builder.Services.AddSingleton(metrics);
            var slots = nodeHost.Slots ?? (device.type == DeviceType.CUDA ? 1 : Environment.ProcessorCount);
            var node = member.IsNode
                ? new NodeOptions { NodeId = NodeIds.New($"{member.EffectivePublicHostname}:{member.Port.ToString(CultureInfo.InvariantCulture)}"), Slots = slots, ThreadsPerSlot = nodeHost.Threads, Device = device.ToString() }
                : null;
            builder.Services.AddSweepGridMember(member, node, StoreLocation.Journal(database.Url), new CoordinatorOptions { BatchesInFlight = 4 }, provider =>
                nodeHost.Executor == "noop" ? new NoOpTrialExecutor(nodeHost.NoOpDuration) : new ScienceTrialExecutor(store, configured.Data, device, TimeProvider.System));
            if (member.IsCoordinator)
            {
                builder.Services.AddHostedService<TrialStatePublisher>();
                // Plans submissions with this member's data folder, so trial ids equal those of `sweepgrid run`.
                builder.Services.AddSingleton<ISubmissionPlanner>(new DatasetSubmissionPlanner(configured.Data));
                builder.Services.AddSweepGridApi(builder.Configuration);
            }
            builder.WebHost.UseUrls((builder.Configuration["Api:Urls"] ?? "http://127.0.0.1:5080").Split(',', ';'));

            var app = builder.Build();
            app.MapGet("/healthz", () => Results.Text("ok"));
            app.MapGet("/readyz", ReadyAsync);
            app.MapMetrics();
            if (member.IsCoordinator)
            {
                app.MapSweepGridApi();
            }
            try
            {
                await app.StartAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (OptionsValidationException e)
            {
                error.WriteLine($"sweepgrid serve: {string.Join("; ", e.Failures)}");
                return ExitCodes.InvalidInput;
            }
            catch (IOException e)
            {
                error.WriteLine($"sweepgrid serve: {e.Message}");
                return ExitCodes.Failure;
            }
            output.WriteLine($"sweepgrid serve: member {member.EffectivePublicHostname}:{member.Port} ({member.Roles}), store {store.DatabaseName}");
            await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }

    private static async Task<IResult> ReadyAsync(ActorSystem system, ITrialStore store, CancellationToken cancellationToken)
    {
        var self = Akka.Cluster.Cluster.Get(system).SelfMember;
        if (self.Status != MemberStatus.Up)
        {
            return Results.Text($"member is {self.Status.ToString().ToLowerInvariant()}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        try
        {
            await store.ListNodesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            return Results.Text($"database: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return Results.Text("ready");
    }

    private static T Bind<T>(ConfigurationManager configuration, string section, Func<string?, T, ValidateOptionsResult> validate)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = validate(null, options);
        return result.Failed ? throw new OptionsValidationException(section, typeof(T), result.Failures ?? []) : options;
    }

    private static Device NodeDevice(string text)
    {
        try
        {
            return TorchRuntime.ParseDevice(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new ArgumentException($"--device (Node:Device): {e.Message}", e);
        }
    }
}
