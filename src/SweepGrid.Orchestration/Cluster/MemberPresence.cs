using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Cluster;

/// <summary>
/// Records this cluster member in the store's <c>nodes</c> table every <see cref="Interval"/> (state <c>up</c>) and
/// as <c>left</c> when it stops. What it is for: `sweepgrid run` refuses a database with a member seen within
/// <see cref="LiveWindow"/> (two coordinators would write one journal), and <c>GET /api/nodes</c> lists the members.
/// </summary>
public sealed class MemberPresence(ITrialStore store, ClusterMemberOptions member, int slots, ILogger<MemberPresence> logger, TimeProvider? clock = null) : BackgroundService
{
    /// <summary>How often a member records that it is up.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>A member seen this recently counts as running (a few missed records, e.g. while the database restarts).</summary>
    public static readonly TimeSpan LiveWindow = TimeSpan.FromSeconds(10);

    /// <summary>The state recorded while the member runs.</summary>
    public const string Up = "up";

    /// <summary>The state recorded when the member stopped gracefully.</summary>
    public const string Left = "left";

    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>The member's id in the <c>nodes</c> table: its role list and address, e.g. <c>cluster member coordinator,node at 10.0.0.5:4053</c>.</summary>
    public string MemberId { get; } = string.Create(CultureInfo.InvariantCulture,
        $"cluster member {string.Join(',', member.RoleList)} at {member.EffectivePublicHostname}:{member.Port}");

    /// <summary>Whether a <c>nodes</c> row is a cluster member that is running now.</summary>
    public static bool IsLiveMember(NodeRecord record, DateTimeOffset now) =>
        record.NodeId.StartsWith("cluster member ", StringComparison.Ordinal) && record.State == Up && now - record.LastSeen < LiveWindow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await store.RecordNodeHeartbeatAsync(MemberId, slots, Up, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (StoreException e)
            {
                logger.LogWarning(e, "Could not record cluster member presence: {Message}", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await store.RecordNodeHeartbeatAsync(MemberId, slots, Left, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StoreException or OperationCanceledException)
        {
            // Not recorded: `run` waits for the live window to pass instead.
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
