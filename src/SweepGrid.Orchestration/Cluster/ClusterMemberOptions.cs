namespace SweepGrid.Orchestration.Cluster;

/// <summary>How this process joins the cluster (configuration section <c>Cluster</c>; environment <c>SWEEPGRID_CLUSTER__*</c>).</summary>
public sealed class ClusterMemberOptions
{
    public const string Section = "Cluster";

    /// <summary>The coordinator role: this member may host the coordinator singleton and serves the API.</summary>
    public const string CoordinatorRole = "coordinator";

    /// <summary>The node role: this member runs trials on its slots.</summary>
    public const string NodeRole = "node";

    /// <summary><c>coordinator</c>, <c>node</c> or <c>coordinator,node</c> (default both).</summary>
    public string Roles { get; set; } = "coordinator,node";

    /// <summary>Address Akka remoting binds to (default 127.0.0.1).</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>Address other members reach this one at (default: <see cref="Hostname"/>).</summary>
    public string? PublicHostname { get; set; }

    /// <summary>Akka remoting port (default 4053).</summary>
    public int Port { get; set; } = 4053;

    /// <summary>Comma-separated <c>host:port</c> of the seed members, e.g. a StatefulSet's stable DNS names.</summary>
    public string SeedNodes { get; set; } = "";

    // ---- failure detection and downing (Cluster:HeartbeatInterval etc.; SWEEPGRID_CLUSTER__STABLEAFTER=00:00:03) ----
    //
    // The budget they set: a member that stops answering is marked unreachable when no heartbeat came for about
    // AcceptableHeartbeatPause + HeartbeatInterval (phi accrual, threshold 8): ~3.5-4 s; keep-majority downs it once
    // the membership has been stable (no reachability change) for StableAfter: +3 s; its trials are requeued when
    // the downed member is removed (leader actions, ~1 s): node loss -> requeue ~8 s (target 10 s). A singleton on it
    // starts on the oldest survivor DownRemovalMargin after the removal, then recovers its journal: failover ~11-12 s
    // (target 15 s). A live member is downed only when it is silent for the pause plus StableAfter, ~6-7 s, in one
    // stretch: longer than any GC pause or scheduling stall measured on a loaded 2-core machine (the JIT and GC
    // stalls seen under a load average of 15 stayed under 2 s). Raise AcceptableHeartbeatPause first (and
    // StableAfter with it) on machines that stall longer, e.g. heavily overcommitted VMs.

    /// <summary>How often members heartbeat each other (Akka <c>failure-detector.heartbeat-interval</c>, default 1 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Silence tolerated before a member is unreachable (<c>acceptable-heartbeat-pause</c>, default 3 s).</summary>
    public TimeSpan AcceptableHeartbeatPause { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the membership must be stable before the split-brain resolver downs the unreachable side (default 3 s).</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Wait after a member's removal before its singleton starts elsewhere (<c>down-removal-margin</c>, default 2 s).</summary>
    public TimeSpan DownRemovalMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a singleton hand-over and the proxies' look-up of a moved singleton are retried (default 0.5 s).</summary>
    public TimeSpan SingletonRetryInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsCoordinator => RoleList.Contains(CoordinatorRole);

    public bool IsNode => RoleList.Contains(NodeRole);

    public string EffectivePublicHostname => string.IsNullOrWhiteSpace(PublicHostname) ? Hostname : PublicHostname;

    /// <summary>The seed nodes as Akka addresses (<c>akka.tcp://sweepgrid@host:port</c>).</summary>
    public IReadOnlyList<string> SeedAddresses =>
        SeedNodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => $"akka.tcp://{Hosting.AkkaSetup.SystemName}@{s}").ToList();
}
