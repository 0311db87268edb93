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

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsCoordinator => RoleList.Contains(CoordinatorRole);

    public bool IsNode => RoleList.Contains(NodeRole);

    public string EffectivePublicHostname => string.IsNullOrWhiteSpace(PublicHostname) ? Hostname : PublicHostname;

    /// <summary>The seed nodes as Akka addresses (<c>akka.tcp://sweepgrid@host:port</c>).</summary>
    public IReadOnlyList<string> SeedAddresses =>
        SeedNodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => $"akka.tcp://{Hosting.AkkaSetup.SystemName}@{s}").ToList();
}
