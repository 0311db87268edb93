using System.Globalization;

namespace SweepGrid.Store.Sql;

/// <summary>The writes the coordinator makes besides leasing and results: hand-backs, requeues, retries.</summary>
internal sealed partial class SqlTrialStore
{
    public Task<SettleAndLeaseResult> SettleAndLeaseAsync(IReadOnlyList<SettleWrite> settle, IReadOnlyList<string> leaseFor, TimeSpan leaseDuration,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settle);
        ArgumentNullException.ThrowIfNull(leaseFor);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        foreach (var write in settle)
        {
            ArgumentNullException.ThrowIfNull(write.Lease);
            switch (write)
            {
                case SettleWrite.Complete c:
                    ArgumentNullException.ThrowIfNull(c.Results?.Rows, nameof(settle));
                    var duplicate = c.Results.Rows.GroupBy(r => (r.Condition, r.Metric)).FirstOrDefault(g => g.Count() > 1);
                    if (duplicate is not null)
                        throw new ArgumentException(
                            $"trial '{c.Lease.TrialId}': result ({duplicate.Key.Condition}, {duplicate.Key.Metric}) appears {duplicate.Count()} times", nameof(settle));
                    break;
                case SettleWrite.Fail f:
                    ArgumentException.ThrowIfNullOrWhiteSpace(f.Reason, nameof(settle));
                    break;
                case SettleWrite.Release r:
                    ArgumentException.ThrowIfNullOrWhiteSpace(r.Reason, nameof(settle));
                    break;
                default:
                    throw new ArgumentException($"unknown settle write {write.GetType().Name}", nameof(settle));
            }
        }
        foreach (var node in leaseFor)
            ArgumentException.ThrowIfNullOrWhiteSpace(node, nameof(leaseFor));
        now = Truncate(now);
        var until = Truncate(now + leaseDuration);
        return WriteAsync(string.Create(CultureInfo.InvariantCulture, $"settle {settle.Count} trials and lease for {leaseFor.Count} slots"), async s =>
        {
            var settled = new List<LeaseWriteOutcome>(settle.Count);
            foreach (var write in settle)
            {
                settled.Add(await (write switch
                {
                    SettleWrite.Complete c => CompleteIn(s, c.Lease, c.Results, now),
                    SettleWrite.Fail f => FailIn(s, f.Lease, f.Reason, f.Retryable, now),
                    SettleWrite.Release r => ReleaseIn(s, r.Lease, r.Reason, r.AttemptSpent, now),
                    _ => throw new InvalidOperationException("unreachable"),
                }).ConfigureAwait(false));
            }
            var leased = new List<Lease?>(leaseFor.Count);
            foreach (var node in leaseFor)
            {
                // Once nothing is queued, the remaining requests get nothing either: no need to ask again.
                leased.Add(leased.Count > 0 && leased[^1] is null ? null : await LeaseIn(s, node, until, now).ConfigureAwait(false));
            }
            return new SettleAndLeaseResult(settled, leased);
        }, cancellationToken);
    }

    public Task<LeaseWriteOutcome> ReleaseAsync(Lease lease, string reason, bool attemptSpent, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        now = Truncate(now);
        return WriteAsync($"release trial '{lease.TrialId}'", s => ReleaseIn(s, lease, reason, attemptSpent, now), cancellationToken);
    }

    private async Task<LeaseWriteOutcome> ReleaseIn(SqlSession s, Lease lease, string reason, bool attemptSpent, DateTimeOffset now)
    {
        var holder = await LockHolderAsync(s, lease).ConfigureAwait(false);
        if (holder is not { Holds: true })
            return LeaseWriteOutcome.Rejected(holder?.State, Describe(holder, lease));
        if (holder.CancelRequested)
        {
            await CancelLeasedAsync(s, lease.TrialId, now, $"cancelled; {reason}").ConfigureAwait(false);
            return LeaseWriteOutcome.Accepted(TrialState.Cancelled);
        }
        var (attempts, maxAttempts) = (await s.QueryAsync(
            "SELECT attempts, max_attempts FROM trials WHERE id = @id", r => (Int(r.GetValue(0)), Int(r.GetValue(1))),
            ("id", lease.TrialId)).ConfigureAwait(false))[0];
        if (!attemptSpent)
        {
            // A graceful stop is not the trial's fault: the attempt it was given is returned.
            await s.ExecuteAsync("UPDATE trials SET attempts = @attempts WHERE id = @id",
                ("attempts", Math.Max(0, attempts - 1)), ("id", lease.TrialId)).ConfigureAwait(false);
            await RequeueAsync(s, lease.TrialId, now, $"handed back by node {lease.NodeId}: {reason}").ConfigureAwait(false);
            return LeaseWriteOutcome.Accepted(TrialState.Queued);
        }
        if (attempts < maxAttempts)
        {
            await s.ExecuteAsync("UPDATE trials SET last_error = @reason WHERE id = @id", ("reason", reason), ("id", lease.TrialId)).ConfigureAwait(false);
            await RequeueAsync(s, lease.TrialId, now, string.Create(CultureInfo.InvariantCulture,
                $"attempt {attempts} of {maxAttempts} lost on node {lease.NodeId}: {reason}")).ConfigureAwait(false);
            return LeaseWriteOutcome.Accepted(TrialState.Queued);
        }
        await FailWithDependantsAsync(s, lease.TrialId, string.Create(CultureInfo.InvariantCulture,
            $"{reason} ({attempts} of {maxAttempts} attempts used)"), now).ConfigureAwait(false);
        return LeaseWriteOutcome.Accepted(TrialState.Failed);
    }

    public Task<IReadOnlyList<HeldTrial>> ListHeldTrialsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<HeldTrial>>("list dispatched trials", async s =>
            await s.QueryAsync(
                "SELECT id, lease_owner, lease_token, attempts, cancel_requested FROM trials WHERE state = 'leased' ORDER BY seq",
                r => new HeldTrial(r.GetString(0), NullableString(r, 1) ?? "", Guid.Parse(r.GetString(2)), Int(r.GetValue(3)), Int(r.GetValue(4)) != 0))
                .ConfigureAwait(false),
            cancellationToken);

    public Task<int?> RetryFailedAsync(string studyId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyId);
        now = Truncate(now);
        return WriteAsync<int?>($"retry study '{studyId}'", async s =>
        {
            if (dialect.LockStudiesSql is { } lockStudies)
                await s.ExecuteAsync(lockStudies).ConfigureAwait(false);
            if (await s.ScalarAsync("SELECT id FROM studies WHERE id = @study", ("study", studyId)).ConfigureAwait(false) is null)
                return null;
            var failed = await s.QueryAsync(
                $"SELECT id FROM trials WHERE state = 'failed' AND {InStudy} ORDER BY seq{dialect.ForUpdate}",
                r => r.GetString(0), ("study", studyId)).ConfigureAwait(false);
            // Every failed trial waits again; those whose dependencies are complete are queued at once, dependants
            // that failed only because of a dependency wait for it again.
            foreach (var id in failed)
            {
                await s.ExecuteAsync(
                    $"UPDATE trials SET state = 'pending', attempts = 0, {ClearLease}, cancel_requested = 0, updated_at = @now WHERE id = @id",
                    ("now", s.Time(now)), ("id", id)).ConfigureAwait(false);
                s.AppendEvent(now, studyId, id, StudyEventKinds.TrialRetried, "retried by command");
            }
            if (failed.Count > 0)
            {
                await s.ExecuteAsync("UPDATE studies SET state = 'running', updated_at = @now WHERE id = @study",
                    ("now", s.Time(now)), ("study", studyId)).ConfigureAwait(false);
                await ResolvePendingAsync(s, failed, now, lockDependencies: true).ConfigureAwait(false);
            }
            return failed.Count;
        }, cancellationToken);
    }

    public Task<CoordinatorLock?> GetCoordinatorLockAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("read the coordinator lock", async s =>
            await s.QuerySingleAsync("SELECT holder, held_until FROM coordinator_lock WHERE name = @name",
                r => new CoordinatorLock(r.GetString(0), dialect.ReadTime(r, 1)), ("name", CoordinatorLockName)).ConfigureAwait(false),
            cancellationToken);

    public Task<bool> TakeOverCoordinatorLockAsync(string deadHolder, string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deadHolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        now = Truncate(now);
        var until = Truncate(now + ttl);
        return WriteAsync("take over the coordinator lock", async s =>
            await s.ExecuteAsync("UPDATE coordinator_lock SET holder = @holder, held_until = @until WHERE name = @name AND holder = @dead",
                ("holder", holder), ("until", s.Time(until)), ("name", CoordinatorLockName), ("dead", deadHolder)).ConfigureAwait(false) == 1,
            cancellationToken);
    }
}
