using System.Globalization;
using static SweepGrid.Store.Sql.StateNames;

namespace SweepGrid.Store.Sql;

internal sealed partial class SqlTrialStore
{
    private const string ClearLease = "lease_owner = NULL, lease_token = NULL, lease_until = NULL";

    public Task<Lease?> LeaseNextAsync(string nodeId, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        now = Truncate(now);
        var until = Truncate(now + leaseDuration);
        return WriteAsync($"lease a trial for node '{nodeId}'", s => LeaseIn(s, nodeId, until, now), cancellationToken);
    }

    private async Task<Lease?> LeaseIn(SqlSession s, string nodeId, DateTimeOffset until, DateTimeOffset now)
    {
        // SQLite: the BEGIN IMMEDIATE transaction already excludes every other writer, in any process.
        // PostgreSQL: concurrent leasers lock different rows instead of queueing on the same one.
        var candidate = await s.QuerySingleAsync(
            $"SELECT id, kind, definition, weights_key, attempts FROM trials WHERE state = 'queued' ORDER BY priority DESC, seq LIMIT 1{dialect.ForUpdateSkipLocked}",
            r => new { Id = r.GetString(0), Kind = r.GetString(1), Definition = r.GetString(2), WeightsKey = NullableString(r, 3), Attempts = Int(r.GetValue(4)) })
            .ConfigureAwait(false);
        if (candidate is null)
            return null;
        var token = Guid.NewGuid();
        var attempt = candidate.Attempts + 1;
        await s.ExecuteAsync(
            "UPDATE trials SET state = 'leased', lease_owner = @node, lease_token = @token, lease_until = @until, attempts = @attempt, " +
            "cancel_requested = 0, progress = NULL, updated_at = @now WHERE id = @id",
            ("node", nodeId), ("token", token.ToString()), ("until", s.Time(until)), ("attempt", attempt), ("now", s.Time(now)),
            ("id", candidate.Id)).ConfigureAwait(false);
        s.AppendEvent(now, null, candidate.Id, StudyEventKinds.TrialLeased,
            string.Create(CultureInfo.InvariantCulture, $"node {nodeId}, attempt {attempt}"));
        return new Lease(candidate.Id, candidate.Kind, candidate.Definition, candidate.WeightsKey, nodeId, token, attempt, until);
    }

    public Task<HeartbeatOutcome> HeartbeatAsync(Lease lease, TrialProgress progress, DateTimeOffset now, TimeSpan extendBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(progress);
        now = Truncate(now);
        var until = Truncate(now + extendBy);
        return WriteAsync($"heartbeat trial '{lease.TrialId}'", async s =>
        {
            var holder = await LockHolderAsync(s, lease).ConfigureAwait(false);
            if (holder is not { Holds: true })
                return HeartbeatOutcome.LeaseLost;
            if (holder.CancelRequested)
            {
                await CancelLeasedAsync(s, lease.TrialId, now, $"cancelled while running on node {lease.NodeId}").ConfigureAwait(false);
                return HeartbeatOutcome.CancelRequested;
            }
            await s.ExecuteAsync(
                "UPDATE trials SET lease_until = @until, progress = @progress, updated_at = @now WHERE id = @id",
                ("until", s.Time(until)), ("progress", ProgressJson.Write(progress)), ("now", s.Time(now)), ("id", lease.TrialId)).ConfigureAwait(false);
            return HeartbeatOutcome.Ok;
        }, cancellationToken);
    }

    /// <summary>Locks the trial's row and says whether <paramref name="lease"/> still holds it.</summary>
    private async Task<LeaseHolder?> LockHolderAsync(SqlSession s, Lease lease) =>
        await s.QuerySingleAsync(
            $"SELECT state, lease_token, cancel_requested FROM trials WHERE id = @id{dialect.ForUpdate}",
            r =>
            {
                var state = TrialStateOf(r.GetString(0));
                var token = NullableString(r, 1);
                var matches = token is not null && Guid.TryParse(token, out var stored) && stored == lease.Token;
                return new LeaseHolder(state, matches && state == TrialState.Leased, matches, Int(r.GetValue(2)) != 0);
            },
            ("id", lease.TrialId)).ConfigureAwait(false);

    private static async Task RequeueAsync(SqlSession s, string trialId, DateTimeOffset now, string detail)
    {
        await s.ExecuteAsync($"UPDATE trials SET state = 'queued', {ClearLease}, updated_at = @now WHERE id = @id",
            ("now", s.Time(now)), ("id", trialId)).ConfigureAwait(false);
        s.AppendEvent(now, null, trialId, StudyEventKinds.TrialRequeued, detail);
    }

    private static async Task CancelLeasedAsync(SqlSession s, string trialId, DateTimeOffset now, string detail)
    {
        await s.ExecuteAsync($"UPDATE trials SET state = 'cancelled', {ClearLease}, cancel_requested = 0, updated_at = @now WHERE id = @id",
            ("now", s.Time(now)), ("id", trialId)).ConfigureAwait(false);
        s.AppendEvent(now, null, trialId, StudyEventKinds.TrialCancelled, detail);
    }

    /// <param name="State">The trial's current state.</param>
    /// <param name="Holds">The lease is current: token matches and the trial is leased.</param>
    /// <param name="TokenMatches">The stored token is the lease's (also true after an accepted completion).</param>
    /// <param name="CancelRequested">The trial's studies were cancelled while it was leased.</param>
    private sealed record LeaseHolder(TrialState State, bool Holds, bool TokenMatches, bool CancelRequested);

    private static string Describe(LeaseHolder? holder, Lease lease) => holder is null
        ? $"trial '{lease.TrialId}' does not exist"
        : $"the lease of node {lease.NodeId} (attempt {lease.Attempt}) on trial '{lease.TrialId}' is no longer valid: the trial is {Of(holder.State)}" +
          (holder.State == TrialState.Leased ? " under a newer lease" : "");
}
