using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Logging;
using SweepGrid.Orchestration.Observability;
using Decisions = SweepGrid.Orchestration.Observability.OrchestrationLog;

namespace SweepGrid.Orchestration.Cluster;

/// <summary>Logs every membership change and keeps the members-by-role-and-status counts.</summary>
/// <remarks>
/// The counts are read from <c>Cluster.State</c>, which Akka updates on its own schedule and can lag the event
/// this actor is handling (the last member's "up" may not be in it yet, and no later event would correct it),
/// so they are also refreshed every couple of seconds.
/// </remarks>
public sealed class MembershipListener : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly Akka.Cluster.Cluster cluster = Akka.Cluster.Cluster.Get(Context.System);

    public MembershipListener(ILoggerFactory loggers, OrchestrationCounts counts)
    {
        var logger = loggers.CreateLogger<MembershipListener>();
        Receive<ClusterEvent.IMemberEvent>(e =>
        {
            Decisions.MemberChanged(logger, e.Member.Address.ToString(), e.Member.Status.ToString().ToLowerInvariant(), string.Join(",", e.Member.Roles));
            Publish(counts);
        });
        Receive<ClusterEvent.UnreachableMember>(e =>
        {
            Decisions.MemberChanged(logger, e.Member.Address.ToString(), "unreachable", string.Join(",", e.Member.Roles));
            Publish(counts);
        });
        Receive<ClusterEvent.ReachableMember>(e =>
        {
            Decisions.MemberChanged(logger, e.Member.Address.ToString(), "reachable", string.Join(",", e.Member.Roles));
            Publish(counts);
        });
        Receive<ClusterEvent.CurrentClusterState>(_ => Publish(counts));
        Receive<Refresh>(_ => Publish(counts));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        Timers.StartPeriodicTimer("refresh", Refresh.Instance, RefreshInterval);
    }

    protected override void PostStop() => cluster.Unsubscribe(Self);

    private void Publish(OrchestrationCounts counts)
    {
        var state = cluster.State;
        counts.SetMembers(state.Members.SelectMany(m => m.Roles.Select(r => (r, state.Unreachable.Contains(m) ? "unreachable" : m.Status.ToString().ToLowerInvariant()))));
    }
}

/// <summary>Timer tick of <see cref="MembershipListener"/>: re-read the cluster's state.</summary>
internal sealed class Refresh
{
    public static readonly Refresh Instance = new();

    private Refresh()
    {
    }
}
