using Akka.Actor;
using Akka.Hosting;
using Akka.Pattern;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SweepGrid.Orchestration.Control;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Hosting;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Embedded;

/// <summary>How an embedded run ended.</summary>
public enum RunEnd
{
    /// <summary>Every trial of the study reached a final state.</summary>
    Finished,
    /// <summary>Stopped on request; running trials were handed back and the same command resumes.</summary>
    Interrupted,
}

/// <summary>
/// Embedded mode: the coordinator (journal on the same SQLite file), one node and the store in one process.
/// Submits the study through the coordinator (idempotently, so running it again resumes), then lets the node
/// pull trials until the study is finished or the caller cancels, in which case the node drains: running
/// trials are interrupted and handed back without spending an attempt.
/// </summary>
public sealed class EmbeddedRunner(ITrialStore store, JournalDatabase journal, ITrialExecutor executor, NodeOptions nodeOptions, ILoggerFactory? loggers = null, TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly ILoggerFactory logging = loggers ?? NullLoggerFactory.Instance;

    /// <summary>How often progress is reported and the study's completion checked.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The coordinator's settings; embedded, nodes of an earlier process cannot re-attach, so no grace.</summary>
    public CoordinatorOptions Coordinator { get; init; } = new() { NodeReattachGrace = TimeSpan.Zero };

    /// <summary>Submit, cancel and retry through the running coordinator; set once the run has started.</summary>
    public IStudyControl? Control { get; private set; }

    /// <summary>The counts kept while running (requeues by reason, dispatches); give one with metrics to publish them.</summary>
    public OrchestrationCounts Counts { get; init; } = new();

    /// <exception cref="DatabaseInUseException">Another live `run` coordinates this database.</exception>
    public async Task<RunEnd> RunAsync(StudySubmission submission, Action<RunProgress>? onProgress, CancellationToken cancellation)
    {
        nodeOptions.Validate();
        await store.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        var runLock = new RunLock(store, time);
        await runLock.AcquireAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            using var host = BuildHost();
            await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                var registry = host.Services.GetRequiredService<ActorRegistry>();
                var coordinator = await registry.GetAsync<CoordinatorActor>(CancellationToken.None).ConfigureAwait(false);
                var control = new CoordinatorStudyControl(coordinator, TimeSpan.FromMinutes(5));
                Control = control;
                await control.SubmitAsync(submission, CancellationToken.None).ConfigureAwait(false);
                var system = host.Services.GetRequiredService<ActorSystem>();
                var node = system.ActorOf(Props.Create(() => new NodeActor(executor, nodeOptions, coordinator, logging, Counts)), "node");
                return await WatchAsync(submission.StudyId, node, runLock, onProgress, cancellation).ConfigureAwait(false);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await runLock.ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task<RunEnd> WatchAsync(string studyId, IActorRef node, RunLock runLock, Action<RunProgress>? onProgress, CancellationToken cancellation)
    {
        var started = time.GetTimestamp();
        var renewed = time.GetTimestamp();
        while (true)
        {
            var progress = new RunProgress(studyId, await store.CountTrialsByStateAsync(studyId, CancellationToken.None).ConfigureAwait(false),
                await StatusAsync(node).ConfigureAwait(false), time.GetElapsedTime(started));
            onProgress?.Invoke(progress);
            if (progress.IsFinished || cancellation.IsCancellationRequested)
            {
                // Draining at the end too: every outcome is acknowledged (journaled) before the system stops.
                await node.Ask<Drained>(new Drain(), TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false);
                if (progress.IsFinished)
                {
                    await store.FinishStudiesAsync(time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    return RunEnd.Finished;
                }
                return RunEnd.Interrupted;
            }
            if (time.GetElapsedTime(renewed) > RunLock.Ttl / 3)
            {
                await runLock.RenewAsync(CancellationToken.None).ConfigureAwait(false);
                renewed = time.GetTimestamp();
            }
            try
            {
                await Task.Delay(ProgressInterval, time, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Loop once more to drain and report.
            }
        }
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Services.Replace(ServiceDescriptor.Singleton(logging));
        if (Counts.Metrics is { } metrics)
        {
            builder.Services.AddHostedService(_ => new TrialStatePublisher(store, metrics, Counts, logging.CreateLogger<TrialStatePublisher>()));
        }
        builder.Services.AddAkka(AkkaSetup.SystemName, (akka, _) =>
        {
            akka.ConfigureLoggers(setup =>
            {
                setup.LogLevel = Akka.Event.LogLevel.WarningLevel;
                setup.ClearLoggers();
                setup.AddLoggerFactory();
            });
            akka.WithSweepGridPersistence(journal);
            akka.WithActors((system, registry) =>
            {
                var coordinator = Props.Create(() => new CoordinatorActor(store, Coordinator, logging, Counts));
                // A journal failure stops the coordinator; the supervisor brings it back (recovering from the journal).
                var supervised = BackoffSupervisor.Props(Backoff.OnStop(coordinator, "coordinator",
                    TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), 0.2, maxNrOfRetries: -1));
                registry.Register<CoordinatorActor>(system.ActorOf(supervised, "coordinator-supervisor"));
            });
        });
        return builder.Build();
    }

    private static async Task<NodeStatus?> StatusAsync(IActorRef node)
    {
        try
        {
            return await node.Ask<NodeStatus>(new GetNodeStatus(), TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
