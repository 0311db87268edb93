using System.Globalization;

namespace SweepGrid.Store.Sql;

internal sealed partial class SqlTrialStore
{
    public Task<LeaseWriteOutcome> CompleteAsync(Lease lease, TrialResults results, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(results.Rows);
        var duplicate = results.Rows.GroupBy(r => (r.Condition, r.Metric)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException(
                $"trial '{lease.TrialId}': result ({duplicate.Key.Condition}, {duplicate.Key.Metric}) appears {duplicate.Count()} times", nameof(results));
        now = Truncate(now);
        return WriteAsync($"complete trial '{lease.TrialId}'", s => CompleteIn(s, lease, results, now), cancellationToken);
    }

    private async Task<LeaseWriteOutcome> CompleteIn(SqlSession s, Lease lease, TrialResults results, DateTimeOffset now)
    {
        var holder = await LockHolderAsync(s, lease).ConfigureAwait(false);
        if (holder is { State: TrialState.Completed, TokenMatches: true })
            return LeaseWriteOutcome.Accepted(TrialState.Completed); // a retry of a completion that already committed
        if (holder is not { Holds: true })
            return LeaseWriteOutcome.Rejected(holder?.State, Describe(holder, lease));

        for (var i = 0; i < results.Rows.Count; i++)
        {
            var row = results.Rows[i];
            await s.ExecuteAsync(
                "INSERT INTO results (trial_id, ordinal, condition, metric, value) VALUES (@trial, @ordinal, @condition, @metric, @value)",
                ("trial", lease.TrialId), ("ordinal", i), ("condition", row.Condition), ("metric", row.Metric),
                ("value", double.IsNaN(row.Value) ? null : row.Value)).ConfigureAwait(false);
        }
        // The token stays on the completed trial so that a retried completion with the same lease is recognised.
        await s.ExecuteAsync(
            "UPDATE trials SET state = 'completed', lease_owner = NULL, lease_until = NULL, cancel_requested = 0, last_error = NULL, " +
            "curve = @curve, timings = @timings, updated_at = @now WHERE id = @id",
            ("curve", results.CurveJson), ("timings", results.TimingsJson), ("now", s.Time(now)), ("id", lease.TrialId)).ConfigureAwait(false);
        s.AppendEvent(now, null, lease.TrialId, StudyEventKinds.TrialCompleted, string.Create(CultureInfo.InvariantCulture,
            $"node {lease.NodeId}, attempt {lease.Attempt}, {results.Rows.Count} results"));
        await ReleaseDependantsAsync(s, lease.TrialId, now).ConfigureAwait(false);
        return LeaseWriteOutcome.Accepted(TrialState.Completed);
    }

    public Task<LeaseWriteOutcome> FailAsync(Lease lease, string reason, bool retryable, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        now = Truncate(now);
        return WriteAsync($"fail trial '{lease.TrialId}'", s => FailIn(s, lease, reason, retryable, now), cancellationToken);
    }

    private async Task<LeaseWriteOutcome> FailIn(SqlSession s, Lease lease, string reason, bool retryable, DateTimeOffset now)
    {
        var holder = await LockHolderAsync(s, lease).ConfigureAwait(false);
        if (holder is not { Holds: true })
            return LeaseWriteOutcome.Rejected(holder?.State, Describe(holder, lease));
        if (holder.CancelRequested)
        {
            await CancelLeasedAsync(s, lease.TrialId, now, $"cancelled; the attempt ended with: {reason}").ConfigureAwait(false);
            return LeaseWriteOutcome.Accepted(TrialState.Cancelled);
        }
        var (attempts, maxAttempts) = (await s.QueryAsync(
            "SELECT attempts, max_attempts FROM trials WHERE id = @id", r => (Int(r.GetValue(0)), Int(r.GetValue(1))),
            ("id", lease.TrialId)).ConfigureAwait(false))[0];
        if (retryable && attempts < maxAttempts)
        {
            await s.ExecuteAsync("UPDATE trials SET last_error = @reason WHERE id = @id", ("reason", reason), ("id", lease.TrialId)).ConfigureAwait(false);
            await RequeueAsync(s, lease.TrialId, now, string.Create(CultureInfo.InvariantCulture,
                $"attempt {attempts} of {maxAttempts} failed on node {lease.NodeId}: {reason}")).ConfigureAwait(false);
            return LeaseWriteOutcome.Accepted(TrialState.Queued);
        }
        var final = retryable ? string.Create(CultureInfo.InvariantCulture, $"{reason} (after {attempts} attempts)") : reason;
        await FailWithDependantsAsync(s, lease.TrialId, final, now).ConfigureAwait(false);
        return LeaseWriteOutcome.Accepted(TrialState.Failed);
    }

    /// <summary>Queues the pending dependants of a trial that just completed, when all their dependencies are done.</summary>
    private async Task ReleaseDependantsAsync(SqlSession s, string trialId, DateTimeOffset now)
    {
        // Locking the dependants (in id order) serializes two transactions that complete two dependencies of
        // the same trial on PostgreSQL: the second sees the first's completion and releases it.
        var dependants = await s.QueryAsync(
            $"SELECT id FROM trials WHERE state = 'pending' AND id IN (SELECT trial_id FROM dependencies WHERE depends_on = @id) ORDER BY id{dialect.ForUpdate}",
            r => r.GetString(0), ("id", trialId)).ConfigureAwait(false);
        await ResolvePendingAsync(s, dependants, now, lockDependencies: false).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves each pending trial on: failed when a dependency failed, queued when all dependencies completed,
    /// otherwise it keeps waiting. <paramref name="lockDependencies"/> share-locks the dependencies so a
    /// completion committing concurrently is either seen here or sees this transaction's trials.
    /// </summary>
    private async Task ResolvePendingAsync(SqlSession s, IReadOnlyList<string> pendingTrialIds, DateTimeOffset now, bool lockDependencies)
    {
        foreach (var trialId in pendingTrialIds)
        {
            var dependencies = await s.QueryAsync(
                "SELECT t.id, t.state FROM dependencies d JOIN trials t ON t.id = d.depends_on WHERE d.trial_id = @id ORDER BY t.id" +
                (lockDependencies ? dialect.ForShareOf("t") : ""),
                r => (Id: r.GetString(0), State: StateNames.TrialStateOf(r.GetString(1))), ("id", trialId)).ConfigureAwait(false);
            var failed = dependencies.FirstOrDefault(d => d.State == TrialState.Failed);
            if (failed.Id is not null)
                await FailWithDependantsAsync(s, trialId, $"dependency {failed.Id} failed", now).ConfigureAwait(false);
            else if (dependencies.All(d => d.State == TrialState.Completed))
            {
                var rows = await s.ExecuteAsync("UPDATE trials SET state = 'queued', updated_at = @now WHERE id = @id AND state = 'pending'",
                    ("now", s.Time(now)), ("id", trialId)).ConfigureAwait(false);
                if (rows == 1)
                    s.AppendEvent(now, null, trialId, StudyEventKinds.TrialQueued,
                        dependencies.Count == 0 ? "resumed" : "dependencies completed");
            }
        }
    }

    /// <summary>Fails a trial and, transitively, every pending trial that depends on it.</summary>
    private async Task FailWithDependantsAsync(SqlSession s, string trialId, string reason, DateTimeOffset now)
    {
        var work = new Queue<(string Id, string Reason)>([(trialId, reason)]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { trialId }; // a diamond reaches a dependant twice
        while (work.TryDequeue(out var next))
        {
            await s.ExecuteAsync(
                $"UPDATE trials SET state = 'failed', last_error = @reason, {ClearLease}, cancel_requested = 0, updated_at = @now WHERE id = @id",
                ("reason", next.Reason), ("now", s.Time(now)), ("id", next.Id)).ConfigureAwait(false);
            s.AppendEvent(now, null, next.Id, StudyEventKinds.TrialFailed, next.Reason);
            var dependants = await s.QueryAsync(
                $"SELECT id FROM trials WHERE state = 'pending' AND id IN (SELECT trial_id FROM dependencies WHERE depends_on = @id) ORDER BY id{dialect.ForUpdate}",
                r => r.GetString(0), ("id", next.Id)).ConfigureAwait(false);
            foreach (var dependant in dependants.Where(seen.Add))
                work.Enqueue((dependant, $"dependency {next.Id} failed"));
        }
    }
}
