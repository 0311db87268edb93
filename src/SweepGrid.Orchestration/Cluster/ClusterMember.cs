using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Pattern;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SweepGrid.Orchestration.Control;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Hosting;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Cluster;

/// <summary>
/// A cluster member in one <c>AddAkka</c> block: remoting, clustering with keep-majority split-brain
/// resolution and tuned failure detection, the journal, the coordinator singleton (under a backoff
/// supervisor) on coordinator-role members and its proxy everywhere, and the node actor on node-role
/// members. The store (<see cref="ITrialStore"/>) and the executor come from DI.
/// </summary>
public static class ClusterMember
{
    /// <summary>
    /// Failure detection and downing from <see cref="ClusterMemberOptions"/>, tuned so a lost member is downed (and its
    /// trials requeued) in seconds, not the default ~45 s; the budget is explained on the options.
    /// </summary>
    internal static Config Tuning(ClusterMemberOptions member) => ConfigurationFactory.ParseString($"""
        akka.cluster.split-brain-resolver.stable-after = {Millis(member.StableAfter)}
        akka.cluster.down-removal-margin = {Millis(member.DownRemovalMargin)}
        akka.cluster.singleton.hand-over-retry-interval = {Millis(member.SingletonRetryInterval)}
        akka.cluster.singleton-proxy.singleton-identification-interval = {Millis(member.SingletonRetryInterval)}
        akka.coordinated-shutdown.phases.before-service-unbind.timeout = 70s
        """);

    private static string Millis(TimeSpan value) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(long)value.TotalMilliseconds}ms");

    public static IServiceCollection AddSweepGridMember(this IServiceCollection services, ClusterMemberOptions member, NodeOptions? node,
        JournalDatabase journal, CoordinatorOptions coordinator, Func<IServiceProvider, ITrialExecutor> executor)
    {
        services.AddSingleton<OrchestrationCounts>();
        services.AddSingleton<IStudyControl, SingletonStudyControl>();
        services.AddHostedService(provider => new MemberPresence(provider.GetRequiredService<ITrialStore>(), member, node?.Slots ?? 0,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<MemberPresence>()));
        services.AddAkka(AkkaSetup.SystemName, (akka, provider) =>
        {
            var loggers = provider.GetRequiredService<ILoggerFactory>();
            var counts = provider.GetRequiredService<OrchestrationCounts>();
            var store = provider.GetRequiredService<ITrialStore>();
            akka.ConfigureLoggers(setup =>
            {
                setup.LogLevel = Akka.Event.LogLevel.InfoLevel;
                setup.ClearLoggers();
                setup.AddLoggerFactory();
            });
            akka.AddHocon(Tuning(member), HoconAddMode.Prepend);
            akka.WithRemoting(new RemoteOptions { HostName = member.Hostname, PublicHostName = member.EffectivePublicHostname, Port = member.Port });
            akka.WithClustering(new ClusterOptions
            {
                Roles = [.. member.RoleList],
                SeedNodes = [.. member.SeedAddresses],
                SplitBrainResolver = new KeepMajorityOption(),
                FailureDetector = new PhiAccrualFailureDetectorOptions
                {
                    HeartbeatInterval = member.HeartbeatInterval,
                    AcceptableHeartbeatPause = member.AcceptableHeartbeatPause,
                },
            });
            akka.WithSweepGridPersistence(journal);
            var singleton = new ClusterSingletonOptions { Role = ClusterMemberOptions.CoordinatorRole };
            if (member.IsCoordinator)
            {
                var props = Props.Create(() => new CoordinatorActor(store, coordinator, loggers, counts));
                // A journal outage (e.g. PostgreSQL restarting) stops the coordinator; it comes back from the journal.
                var supervised = BackoffSupervisor.Props(Backoff.OnStop(props, "coordinator",
                    TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), 0.2, maxNrOfRetries: -1));
                akka.WithSingleton<CoordinatorActor>("coordinator", supervised, singleton, createProxyToo: true);
            }
            else
            {
                akka.WithSingletonProxy<CoordinatorActor>("coordinator", singleton);
            }
            akka.WithActors((system, registry) =>
            {
                system.ActorOf(Props.Create(() => new MembershipListener(loggers, counts)), "membership");
                if (node is null)
                {
                    return;
                }
                var proxy = registry.Get<CoordinatorActor>();
                var trials = executor(provider);
                var nodeActor = system.ActorOf(Props.Create(() => new NodeActor(trials, node, proxy, loggers, counts)), "node");
                registry.Register<NodeActor>(nodeActor);
                // SIGTERM: hand running trials back (without spending attempts) before leaving the cluster.
                CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "drain-node", async () =>
                {
                    try
                    {
                        await nodeActor.Ask<Drained>(new Drain(), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
                    }
                    catch (AskTimeoutException)
                    {
                        // The coordinator did not acknowledge in time; the trials are requeued when this member is removed.
                    }
                    return Akka.Done.Instance;
                });
            });
        });
        return services;
    }
}
