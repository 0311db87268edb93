namespace SweepGrid.Store;

/// <summary>
/// The durable store of SweepGrid: studies, the trial mailbox (work queue), results, artifacts, events,
/// nodes and the coordinator lock. It is the only channel between the coordinator and the node actors, so
/// every guarantee the system makes about "exactly once" rests on the contracts below.
/// </summary>
/// <remarks>
/// <para><b>Thread safety.</b> Implementations are safe to call from many threads and from many processes
/// (and, with PostgreSQL, many machines) at once. Each call opens its own connection (pooled) and, when
/// it writes, runs in one transaction: a call either takes full effect or none.</para>
/// <para><b>Time.</b> Every call that writes takes the caller's <c>now</c>; the store never reads the
/// clock, so tests drive time explicitly. Timestamps are stored with millisecond precision (UTC).</para>
/// <para><b>Failures.</b> A <i>rejected</i> write (a stale lease token) is an outcome, not an exception,
/// and stores nothing. A <i>failed</i> call (database unreachable, disk full, locked past the busy
/// timeout) throws <see cref="StoreUnavailableException"/>; other database errors throw
/// <see cref="StoreException"/>. Both name the database and keep the driver's exception as the inner one.
/// Invalid arguments throw <see cref="ArgumentException"/> before the database is touched.
/// Cancelling the token throws <see cref="OperationCanceledException"/>; the transaction is rolled back.</para>
/// <para><b>Schema.</b> Call <see cref="MigrateAsync"/> once at start-up before anything else.</para>
/// </remarks>
public interface ITrialStore : IAsyncDisposable
{
    /// <summary>A human-readable name of the database (file path, or host:port/database), without secrets.</summary>
    string DatabaseName { get; }

    // ---- schema ----

    /// <summary>
    /// Brings the schema forward to the version this build knows, applying the missing migrations in one
    /// transaction and recording them in <c>schema_version</c>. Idempotent and safe to run concurrently
    /// from several processes. Returns the schema version now in force.
    /// </summary>
    /// <exception cref="StoreSchemaException">The database was written by a newer SweepGrid (its schema
    /// version is higher than <see cref="StoreSchema.CurrentVersion"/>); nothing is changed.</exception>
    Task<int> MigrateAsync(CancellationToken cancellationToken = default);

    // ---- studies ----

    /// <summary>
    /// Records a study and all its trials in one transaction. Idempotent and additive: trials already stored
    /// (same content-hash id, from this or another study) are not inserted again but linked to this study
    /// too, keeping their state and results; trials not yet linked are added. Submitting a cancelled study
    /// again resumes it (its cancelled trials return to <c>pending</c>/<c>queued</c> with fresh attempts);
    /// a completed study that gains new trials runs again. Failed trials stay failed.
    /// A trial whose dependencies are all completed is <c>queued</c>; one waiting on others is <c>pending</c>;
    /// one with a failed dependency is <c>failed</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The submission is malformed: empty ids, duplicate trial ids,
    /// a dependency outside the submission, a dependency cycle, <c>MaxAttempts</c> below 1.</exception>
    Task<SubmissionResult> SubmitStudyAsync(StudySubmission submission, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The study, or null when no study has that id.</summary>
    Task<StudyRecord?> GetStudyAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>All studies, oldest first.</summary>
    Task<IReadOnlyList<StudyRecord>> ListStudiesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a running study in one transaction: its <c>queued</c> and <c>pending</c> trials that no other
    /// running study shares become <c>cancelled</c>; its <c>leased</c> ones are marked so that the node's next
    /// heartbeat returns <see cref="HeartbeatOutcome.CancelRequested"/> (and its next failure report, or the
    /// lease's expiry, ends them as cancelled; a completion that arrives first is still recorded, since the
    /// result is reusable). Idempotent; a completed study is left as it is. Returns the study after the call,
    /// or null when no study has that id.
    /// </summary>
    Task<StudyRecord?> CancelStudyAsync(string studyId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks every running study whose trials are all terminal (completed, failed or cancelled) as completed,
    /// appending a <c>study-completed</c> event for each. Idempotent. Returns the ids of the studies it finished.
    /// </summary>
    Task<IReadOnlyList<string>> FinishStudiesAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    // ---- the trial mailbox ----

    /// <summary>
    /// Leases the best queued trial to <paramref name="nodeId"/> in one transaction: highest priority first,
    /// then creation order. The trial becomes <c>leased</c> with a fresh random token, its attempt count
    /// goes up by one and the lease runs until <paramref name="now"/> + <paramref name="leaseDuration"/>.
    /// Returns null when nothing is queued. Safe under any number of concurrent callers: a trial is never
    /// leased twice at once (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>).
    /// </summary>
    Task<Lease?> LeaseNextAsync(string nodeId, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the lease to <paramref name="now"/> + <paramref name="extendBy"/> and records the progress,
    /// only if the lease's token still matches (a lease past its end but not yet reaped is still valid).
    /// Returns <see cref="HeartbeatOutcome.LeaseLost"/> when the token no longer matches (the trial was reaped,
    /// re-leased or finished), and <see cref="HeartbeatOutcome.CancelRequested"/> when the trial's studies were
    /// cancelled: the trial is then already <c>cancelled</c> and the node should stop working on it.
    /// </summary>
    Task<HeartbeatOutcome> HeartbeatAsync(Lease lease, TrialProgress progress, DateTimeOffset now, TimeSpan extendBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a trial's result, fenced by the lease token, in one transaction: the long-format result rows,
    /// the training curve and timings, the <c>completed</c> state, a <c>trial-completed</c> event, and the
    /// release of dependants (pending trials whose dependencies are now all completed become queued).
    /// A stale token (the lease expired and was reaped or re-leased) is <i>rejected</i>: nothing is stored.
    /// Calling again with the same lease after an accepted completion is accepted and changes nothing, so
    /// a node may retry when it did not see the answer.
    /// </summary>
    /// <exception cref="ArgumentException">Two result rows share a (condition, metric).</exception>
    Task<LeaseWriteOutcome> CompleteAsync(Lease lease, TrialResults results, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports a failed attempt, fenced by the lease token, in one transaction. A retryable failure returns
    /// the trial to <c>queued</c> while attempts remain, otherwise (or for a non-retryable failure such as
    /// "diverged at epoch 3") the trial becomes <c>failed</c> with <paramref name="reason"/>, and its pending
    /// dependants become failed with "dependency {id} failed" (transitively). A trial whose studies were
    /// cancelled becomes <c>cancelled</c>. Rejected (nothing stored) when the token no longer matches.
    /// </summary>
    Task<LeaseWriteOutcome> FailAsync(Lease lease, string reason, bool retryable, DateTimeOffset now, CancellationToken cancellationToken = default);

    // ---- the coordinator's dispatch writes ----

    /// <summary>
    /// Returns a dispatched trial to the queue, fenced by the lease token, in one transaction. With
    /// <paramref name="attemptSpent"/> false (a graceful stop: Ctrl-C, SIGTERM, drain, a slot that could not take it)
    /// the attempt the dispatch counted is given back; with true (the node was lost with the trial on it) the attempt
    /// counts, and a trial whose attempts are used up becomes <c>failed</c> with <paramref name="reason"/> (its pending
    /// dependants too). A trial whose studies were cancelled becomes <c>cancelled</c>. Rejected (nothing stored) when
    /// the token no longer matches.
    /// </summary>
    Task<LeaseWriteOutcome> ReleaseAsync(Lease lease, string reason, bool attemptSpent, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Every trial the read model shows as dispatched, in submission order (the coordinator reconciles them with its journal).</summary>
    Task<IReadOnlyList<HeldTrial>> ListHeldTrialsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the study's failed trials (and the dependants that failed with them) fresh attempts in one transaction:
    /// those whose dependencies are complete become <c>queued</c>, the others <c>pending</c>; the study runs again.
    /// Returns how many failed trials were retried, or null when no study has that id.
    /// </summary>
    Task<int?> RetryFailedAsync(string studyId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The coordinator's batched dispatch write: every settle write (completion, failure, release; each fenced by its
    /// lease token exactly as the single calls are), then one lease per entry of <paramref name="leaseFor"/> (a node id,
    /// repeated for several slots), all in one transaction, so that the outcomes and requests of many slots share one
    /// commit. Either all of it is committed or nothing is (it throws). Answers come back in argument order.
    /// </summary>
    /// <exception cref="ArgumentException">A completion has two result rows with the same (condition, metric); nothing is written.</exception>
    async Task<SettleAndLeaseResult> SettleAndLeaseAsync(IReadOnlyList<SettleWrite> settle, IReadOnlyList<string> leaseFor, TimeSpan leaseDuration,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // One transaction per call for stores that have no batched form; the SQL store overrides this.
        ArgumentNullException.ThrowIfNull(settle);
        ArgumentNullException.ThrowIfNull(leaseFor);
        var settled = new List<LeaseWriteOutcome>(settle.Count);
        foreach (var write in settle)
        {
            settled.Add(await (write switch
            {
                SettleWrite.Complete c => CompleteAsync(c.Lease, c.Results, now, cancellationToken),
                SettleWrite.Fail f => FailAsync(f.Lease, f.Reason, f.Retryable, now, cancellationToken),
                SettleWrite.Release r => ReleaseAsync(r.Lease, r.Reason, r.AttemptSpent, now, cancellationToken),
                _ => throw new ArgumentException($"unknown settle write {write.GetType().Name}", nameof(settle)),
            }).ConfigureAwait(false));
        }
        var leased = new List<Lease?>(leaseFor.Count);
        foreach (var node in leaseFor)
        {
            leased.Add(await LeaseNextAsync(node, leaseDuration, now, cancellationToken).ConfigureAwait(false));
        }
        return new SettleAndLeaseResult(settled, leased);
    }

    // ---- artifacts ----

    /// <summary>
    /// Stores a content-addressed blob (e.g. trained weights under a trial's weights key). Idempotent: when
    /// the key exists the stored bytes are kept (content addressing makes them equal). Returns true when it
    /// stored the blob, false when the key was already present.
    /// </summary>
    Task<bool> PutArtifactAsync(string key, ReadOnlyMemory<byte> bytes, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The blob stored under <paramref name="key"/>, or null.</summary>
    Task<byte[]?> GetArtifactAsync(string key, CancellationToken cancellationToken = default);

    // ---- reading ----

    /// <summary>
    /// The result rows of every completed trial of the study, joined with the trial's id, kind, definition and
    /// the axes the study gave it, in submission order and then in the order the results were reported.
    /// </summary>
    Task<IReadOnlyList<StudyResultRow>> GetResultsAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>The trial, or null when no trial has that id.</summary>
    Task<TrialRecord?> GetTrialAsync(string trialId, CancellationToken cancellationToken = default);

    /// <summary>How many of the study's trials are in each state; every state is present (zero when none).</summary>
    Task<IReadOnlyDictionary<TrialState, int>> CountTrialsByStateAsync(string studyId, CancellationToken cancellationToken = default);

    // ---- events ----

    /// <summary>
    /// The append-only timeline, in id order, after <paramref name="afterId"/> (0 for the start), at most
    /// <paramref name="limit"/> events. With a study id: the study's own events and those of its trials; with
    /// null: every event. Ids only grow, and an event with a smaller id is never committed after one with a
    /// larger id, so polling with the last id seen misses nothing.
    /// </summary>
    Task<IReadOnlyList<StudyEvent>> GetEventsAsync(string? studyId, long afterId, int limit = 1000, CancellationToken cancellationToken = default);

    // ---- nodes ----

    /// <summary>Records (upserts) a node's liveness, slot count and state, e.g. "ready" or "draining".</summary>
    Task RecordNodeHeartbeatAsync(string nodeId, int slots, string state, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Every node that ever reported, by id.</summary>
    Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken = default);

    // ---- coordinator singleton ----

    /// <summary>
    /// Takes or renews the coordinator role for <paramref name="holder"/> until <paramref name="now"/> +
    /// <paramref name="ttl"/>. Succeeds when nobody holds it, when <paramref name="holder"/> already holds it,
    /// or when the other holder's time ran out; otherwise returns false. The holder must renew before its ttl
    /// ends. Because the coordinator's work is idempotent, two coordinators overlapping briefly (clock skew)
    /// is harmless; the lock only keeps one busy. PostgreSQL additionally takes
    /// <c>pg_try_advisory_xact_lock</c>, so concurrent attempts never wait on each other.
    /// </summary>
    Task<bool> TryAcquireCoordinatorLockAsync(string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Who holds the coordinator role, or null when nobody ever took it.</summary>
    Task<CoordinatorLock?> GetCoordinatorLockAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the coordinator role from <paramref name="deadHolder"/> before its time runs out, for a caller that
    /// knows that holder is gone (e.g. its process no longer exists on this machine). Returns false when someone
    /// else holds it by now.
    /// </summary>
    Task<bool> TakeOverCoordinatorLockAsync(string deadHolder, string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Gives the coordinator role up if <paramref name="holder"/> holds it. Idempotent.</summary>
    Task ReleaseCoordinatorLockAsync(string holder, CancellationToken cancellationToken = default);
}
