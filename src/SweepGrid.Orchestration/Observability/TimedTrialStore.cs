using System.Diagnostics;
using SweepGrid.Store;
using SweepGrid.Telemetry;

namespace SweepGrid.Orchestration.Observability;

/// <summary>
/// An <see cref="ITrialStore"/> that times every operation of the store it wraps into
/// <c>sweepgrid_store_operation_seconds{operation}</c> (fixed names, one per method), failures included, and
/// otherwise behaves exactly as the wrapped store: same results, same exceptions, same contract.
/// </summary>
public sealed class TimedTrialStore(ITrialStore inner, SweepGridMetrics metrics) : ITrialStore
{
    public string DatabaseName => inner.DatabaseName;

    public Task<SettleAndLeaseResult> SettleAndLeaseAsync(IReadOnlyList<SettleWrite> settle, IReadOnlyList<string> leaseFor, TimeSpan leaseDuration,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("settle-and-lease", () => inner.SettleAndLeaseAsync(settle, leaseFor, leaseDuration, now, cancellationToken));

    public Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        TimeAsync("migrate", () => inner.MigrateAsync(cancellationToken));

    public Task<SubmissionResult> SubmitStudyAsync(StudySubmission submission, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("submit-study", () => inner.SubmitStudyAsync(submission, now, cancellationToken));

    public Task<StudyRecord?> GetStudyAsync(string studyId, CancellationToken cancellationToken) =>
        TimeAsync("get-study", () => inner.GetStudyAsync(studyId, cancellationToken));

    public Task<IReadOnlyList<StudyRecord>> ListStudiesAsync(CancellationToken cancellationToken) =>
        TimeAsync("list-studies", () => inner.ListStudiesAsync(cancellationToken));

    public Task<StudyRecord?> CancelStudyAsync(string studyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("cancel-study", () => inner.CancelStudyAsync(studyId, now, cancellationToken));

    public Task<IReadOnlyList<string>> FinishStudiesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("finish-studies", () => inner.FinishStudiesAsync(now, cancellationToken));

    public Task<Lease?> LeaseNextAsync(string nodeId, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("lease-next", () => inner.LeaseNextAsync(nodeId, leaseDuration, now, cancellationToken));

    public Task<HeartbeatOutcome> HeartbeatAsync(Lease lease, TrialProgress progress, DateTimeOffset now, TimeSpan extendBy, CancellationToken cancellationToken) =>
        TimeAsync("heartbeat", () => inner.HeartbeatAsync(lease, progress, now, extendBy, cancellationToken));

    public Task<LeaseWriteOutcome> CompleteAsync(Lease lease, TrialResults results, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("complete", () => inner.CompleteAsync(lease, results, now, cancellationToken));

    public Task<LeaseWriteOutcome> FailAsync(Lease lease, string reason, bool retryable, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("fail", () => inner.FailAsync(lease, reason, retryable, now, cancellationToken));

    public Task<LeaseWriteOutcome> ReleaseAsync(Lease lease, string reason, bool attemptSpent, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("release", () => inner.ReleaseAsync(lease, reason, attemptSpent, now, cancellationToken));

    public Task<IReadOnlyList<HeldTrial>> ListHeldTrialsAsync(CancellationToken cancellationToken) =>
        TimeAsync("list-held-trials", () => inner.ListHeldTrialsAsync(cancellationToken));

    public Task<int?> RetryFailedAsync(string studyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("retry-failed", () => inner.RetryFailedAsync(studyId, now, cancellationToken));

    public Task<bool> PutArtifactAsync(string key, ReadOnlyMemory<byte> bytes, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("put-artifact", () => inner.PutArtifactAsync(key, bytes, now, cancellationToken));

    public Task<byte[]?> GetArtifactAsync(string key, CancellationToken cancellationToken) =>
        TimeAsync("get-artifact", () => inner.GetArtifactAsync(key, cancellationToken));

    public Task<IReadOnlyList<StudyResultRow>> GetResultsAsync(string studyId, CancellationToken cancellationToken) =>
        TimeAsync("get-results", () => inner.GetResultsAsync(studyId, cancellationToken));

    public Task<TrialRecord?> GetTrialAsync(string trialId, CancellationToken cancellationToken) =>
        TimeAsync("get-trial", () => inner.GetTrialAsync(trialId, cancellationToken));

    public Task<IReadOnlyDictionary<TrialState, int>> CountTrialsByStateAsync(string studyId, CancellationToken cancellationToken) =>
        TimeAsync("count-trials-by-state", () => inner.CountTrialsByStateAsync(studyId, cancellationToken));

    public Task<IReadOnlyList<StudyEvent>> GetEventsAsync(string? studyId, long afterId, int limit, CancellationToken cancellationToken) =>
        TimeAsync("get-events", () => inner.GetEventsAsync(studyId, afterId, limit, cancellationToken));

    public Task RecordNodeHeartbeatAsync(string nodeId, int slots, string state, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("record-node-heartbeat", () => inner.RecordNodeHeartbeatAsync(nodeId, slots, state, now, cancellationToken));

    public Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken) =>
        TimeAsync("list-nodes", () => inner.ListNodesAsync(cancellationToken));

    public Task<bool> TryAcquireCoordinatorLockAsync(string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("try-acquire-coordinator-lock", () => inner.TryAcquireCoordinatorLockAsync(holder, ttl, now, cancellationToken));

    public Task<CoordinatorLock?> GetCoordinatorLockAsync(CancellationToken cancellationToken) =>
        TimeAsync("get-coordinator-lock", () => inner.GetCoordinatorLockAsync(cancellationToken));

    public Task<bool> TakeOverCoordinatorLockAsync(string deadHolder, string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken) =>
        TimeAsync("take-over-coordinator-lock", () => inner.TakeOverCoordinatorLockAsync(deadHolder, holder, ttl, now, cancellationToken));

    public Task ReleaseCoordinatorLockAsync(string holder, CancellationToken cancellationToken) =>
        TimeAsync("release-coordinator-lock", () => inner.ReleaseCoordinatorLockAsync(holder, cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task<T> TimeAsync<T>(string operation, Func<Task<T>> call)
    {
        var begun = Stopwatch.GetTimestamp();
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            metrics.StoreOperation(operation, Stopwatch.GetElapsedTime(begun));
        }
    }

    private async Task TimeAsync(string operation, Func<Task> call)
    {
        var begun = Stopwatch.GetTimestamp();
        try
        {
            await call().ConfigureAwait(false);
        }
        finally
        {
            metrics.StoreOperation(operation, Stopwatch.GetElapsedTime(begun));
        }
    }
}
