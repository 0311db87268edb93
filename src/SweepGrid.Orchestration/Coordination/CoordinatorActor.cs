using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.Logging;
using SweepGrid.Orchestration.Control;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Store;
using SweepGrid.Telemetry;
using Decisions = SweepGrid.Orchestration.Observability.OrchestrationLog;

namespace SweepGrid.Orchestration.Coordination;

/// <summary>
/// The coordinator: an event-sourced actor (one per database; a cluster singleton across machines). Its journal
/// decides dispatches: a free slot asks, the coordinator leases the best queued trial in the read model, journals
/// the dispatch with its attempt token, then sends it. Outcomes are accepted once per (trial, token): recorded in
/// the SQL tables (fenced by the token), journaled, then acknowledged. A thin shell: decisions live in
/// <see cref="DispatchBook"/>; every store call runs off the actor's turn and comes back as a message.
/// </summary>
public sealed class CoordinatorActor : ReceivePersistentActor, IWithTimers
{
    private readonly ITrialStore store;
    private readonly CoordinatorOptions options;
    private readonly ILogger logger;
    private readonly OrchestrationCounts counts;
    private readonly Dictionary<string, IActorRef> nodes = new(StringComparer.Ordinal);
    private DispatchBook book = new();
    private readonly List<WorkRequest> requests = [];
    private readonly List<PendingOutcome> outcomes = [];
    // When this incarnation sent each assignment in flight (by token), so a heartbeat that left the node before the
    // assignment arrived does not count against it.
    private readonly Dictionary<Guid, long> sentAt = [];
    private int batchesWriting;
    private bool reconciled;
    private bool housekeeping;
    private bool started;

    public CoordinatorActor(ITrialStore store, CoordinatorOptions options, ILoggerFactory loggers, OrchestrationCounts counts)
    {
        this.store = store;
        this.options = options;
        this.counts = counts;
        logger = loggers.CreateLogger<CoordinatorActor>();
        Recover<SnapshotOffer>(offer => book = DispatchBook.From((CoordinatorSnapshot)offer.Snapshot));
        Recover<ICoordinatorEvent>(fact => book.Apply(fact));
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<Reconcile>(OnReconcile);
        Command<RegisterNode>(OnRegister);
        Command<Terminated>(t => OnNodeStopped(t.ActorRef));
        Command<RequestWork>(OnRequestWork);
        Command<ReportOutcome>(OnReportOutcome);
        Command<BatchWritten>(OnBatchWritten);
        Command<BatchNotWritten>(OnBatchNotWritten);
        Command<DispatchReleased>(OnReleased);
        Command<DispatchNotReleased>(failure =>
        {
            Decisions.StoreUnavailable(logger, failure.Error, $"releasing trial {failure.Dispatch.TrialId}");
            book.AbandonSettling(failure.Dispatch.TrialId);
        });
        Command<ReportProgress>(OnProgress);
        Command<SubmitStudy>(OnSubmit);
        Command<CancelStudy>(OnCancel);
        Command<CancelRunning>(OnCancelRunning);
        Command<RetryStudy>(OnRetry);
        Command<CheckOrphans>(_ => ReleaseOrphans());
        Command<Housekeep>(_ => OnHousekeep());
        Command<HousekeepingDone>(_ => { housekeeping = false; });
        Command<Continue>(next => next.Action());
        Command<RetryReconcile>(_ => PipeReconcile());
        Command<Ignored>(_ => { });
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => Decisions.StoreUnavailable(logger, f.Cause, "saving a snapshot"));
    }

    public override string PersistenceId => options.PersistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private void OnRecovered()
    {
        Decisions.Recovered(logger, book.Count, LastSequenceNr);
        counts.SetInFlight(book.Count);
        // Dispatches recovered from the journal mean an earlier incarnation was running work: a failover.
        counts.CoordinatorStarted(recoveredRunningWork: book.Count > 0);
        started = true;
        PipeReconcile();
        Timers.StartPeriodicTimer("housekeeping", new Housekeep(), options.HousekeepingInterval);
    }

    private void PipeReconcile() =>
        store.ListHeldTrialsAsync().PipeTo(Self, success: held => new Reconcile(held), failure: error =>
        {
            Decisions.StoreUnavailable(logger, error, "reconciling the journal with the read model");
            Timers.StartSingleTimer("reconcile", new RetryReconcile(), TimeSpan.FromSeconds(1));
            return new Ignored();
        });

    /// <summary>
    /// Brings the read model in line with the journal after a restart: a trial leased in SQL whose dispatch never
    /// reached the journal (the process died in between) is handed back; a dispatch the read model already settled
    /// is closed. Until this is done, slots get no work.
    /// </summary>
    private void OnReconcile(Reconcile message)
    {
        var journaled = book.InFlight.ToDictionary(d => d.TrialId, d => d.Token, StringComparer.Ordinal);
        foreach (var held in message.Held.Where(h => !journaled.TryGetValue(h.TrialId, out var token) || token != h.Token))
        {
            Decisions.UnjournaledDispatch(logger, held.TrialId);
            counts.CountRequeue(RequeueReasons.Unjournaled);
            var lease = LeaseOf(new TrialDispatched(held.TrialId, held.NodeId, held.Token, held.Attempt));
            store.ReleaseAsync(lease, "the dispatch was not journaled before a restart", attemptSpent: false, Now)
                .PipeTo(Self, success: _ => new Ignored(), failure: e =>
                {
                    Decisions.StoreUnavailable(logger, e, $"handing back trial {held.TrialId}");
                    return new Ignored();
                });
        }
        var inReadModel = message.Held.ToDictionary(h => h.TrialId, h => h.Token, StringComparer.Ordinal);
        var settled = book.TakeSettledElsewhere(inReadModel)
            .Select(d => new TrialHandedBack(d.TrialId, d.Token, "already settled in the read model")).ToList();
        if (settled.Count > 0)
        {
            PersistAll(settled, Applied);
        }
        reconciled = true;
        Timers.StartSingleTimer("orphans", new CheckOrphans(), options.NodeReattachGrace);
        AnnounceWork(); // slots told "no work" while this ran ask again now, not at their next poll
    }

    private void OnRegister(RegisterNode register)
    {
        if (!nodes.TryGetValue(register.NodeId, out var known) || !known.Equals(Sender))
        {
            nodes[register.NodeId] = Sender;
            Context.Watch(Sender);
            Decisions.NodeRegistered(logger, register.NodeId, register.Slots);
            // The same machine under a new incarnation: whatever the old process held is gone.
            var name = NodeIds.NameOf(register.NodeId);
            foreach (var old in book.InFlight.Select(d => d.NodeId).Distinct().Where(n => n != register.NodeId && NodeIds.NameOf(n) == name).ToList())
            {
                ReleaseNode(old, "its process restarted");
            }
        }
        foreach (var lost in book.ReconcileReport(register.NodeId, register.HeldTokens, ReportDue))
        {
            ReleaseTaken(lost, "the assignment never reached the node", attemptSpent: false, RequeueReasons.AssignmentLost);
        }
    }

    /// <summary>A dispatch sent by this incarnation long enough ago, or one recovered from the journal.</summary>
    private bool ReportDue(TrialDispatched dispatch) =>
        !sentAt.TryGetValue(dispatch.Token, out var sent) || Stopwatch.GetElapsedTime(sent) >= options.AssignmentReportedWithin;

    private void OnNodeStopped(IActorRef node)
    {
        foreach (var (id, _) in nodes.Where(n => n.Value.Equals(node)).ToList())
        {
            nodes.Remove(id);
            ReleaseNode(id, "the node stopped or its member was downed");
        }
    }

    private void ReleaseNode(string nodeId, string reason)
    {
        var dispatches = book.TakeDispatchesOf(nodeId);
        Decisions.NodeLost(logger, nodeId, reason, dispatches.Count);
        foreach (var dispatch in dispatches)
        {
            ReleaseTaken(dispatch, $"node {nodeId} lost: {reason}", attemptSpent: true, RequeueReasons.NodeLost);
        }
    }

    private void ReleaseOrphans()
    {
        foreach (var orphan in book.TakeOrphans(nodes.Keys.ToHashSet(StringComparer.Ordinal)))
        {
            ReleaseTaken(orphan, $"node {orphan.NodeId} did not re-attach after the coordinator restarted", attemptSpent: true, RequeueReasons.NodeLost);
        }
    }

    private void ReleaseTaken(TrialDispatched dispatch, string reason, bool attemptSpent, string countAs)
    {
        counts.CountRequeue(countAs);
        Decisions.Requeued(logger, dispatch.TrialId, dispatch.NodeId, reason, attemptSpent);
        ICoordinatorEvent fact = attemptSpent
            ? new TrialRequeued(dispatch.TrialId, dispatch.Token, reason)
            : new TrialHandedBack(dispatch.TrialId, dispatch.Token, reason);
        store.ReleaseAsync(LeaseOf(dispatch), reason, attemptSpent, Now)
            .PipeTo(Self, success: written => new DispatchReleased(dispatch, fact, written), failure: e => new DispatchNotReleased(dispatch, e));
    }

    private void OnReleased(DispatchReleased released) => PersistTimed(released.Event, Applied);

    private void OnRequestWork(RequestWork request)
    {
        QueueRequest(request.NodeId, request.Slot, request.Count);
        WriteBatch();
    }

    private void QueueRequest(string nodeId, int slot, int count)
    {
        // Every trial asked for gets its own answer; no request leases more than a node may ask for ahead.
        count = Math.Clamp(count, 1, NodeOptions.MaxAskAheadDepth);
        if (!reconciled || !nodes.TryGetValue(nodeId, out var node) || !node.Equals(Sender))
        {
            for (var i = 0; i < count; i++)
            {
                Sender.Tell(new NoWork(slot));
            }
            return;
        }
        for (var i = 0; i < count; i++)
        {
            requests.Add(new WorkRequest(Sender, nodeId, slot));
        }
    }

    private void OnReportOutcome(ReportOutcome report)
    {
        if (report.AskForSlot is { } slot)
        {
            QueueRequest(report.NodeId, slot, report.Asking);
        }
        Settle(report);
        WriteBatch();
    }

    private void Settle(ReportOutcome report)
    {
        if (book.BeginSettling(report.TrialId, report.Token) is not { } dispatch)
        {
            if (!book.IsCurrent(report.TrialId, report.Token))
            {
                Decisions.StaleOutcome(logger, report.TrialId, report.NodeId);
                Sender.Tell(new OutcomeAcknowledged(report.TrialId, report.Token));
            }
            return; // being recorded right now: the acknowledgement follows
        }
        var outcome = report.Outcome;
        if (outcome is TrialOutcome.Completed { Results.Rows: var rows } &&
            rows.GroupBy(r => (r.Condition, r.Metric)).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            // Stored as it is, it would be refused forever (and block the batch it is in): the attempt failed.
            outcome = new TrialOutcome.Failed($"the trial reported result ({duplicate.Key.Condition}, {duplicate.Key.Metric}) {duplicate.Count()} times", Retryable: false);
        }
        outcomes.Add(new PendingOutcome(Sender, dispatch, outcome));
    }

    /// <summary>
    /// Group commit: the outcomes and work requests that arrived while the previous batch was being written go to
    /// the store in one transaction (settles first, then one lease per request), and their journal events in one
    /// journal write. A dispatch is still journaled before it is sent, and an outcome acknowledged only after both
    /// its fenced write and its journal event are committed.
    /// </summary>
    private void WriteBatch()
    {
        if (batchesWriting >= options.BatchesInFlight || (outcomes.Count == 0 && requests.Count == 0))
        {
            return;
        }
        var settling = outcomes.Take(options.MaxBatch).ToList();
        var asking = requests.Take(Math.Max(0, options.MaxBatch - settling.Count)).ToList();
        outcomes.RemoveRange(0, settling.Count);
        requests.RemoveRange(0, asking.Count);
        batchesWriting++;
        var writes = settling.Select(p => (SettleWrite)(p.Outcome switch
        {
            TrialOutcome.Completed c => new SettleWrite.Complete(LeaseOf(p.Dispatch), c.Results),
            TrialOutcome.Failed f => new SettleWrite.Fail(LeaseOf(p.Dispatch), f.Reason, f.Retryable),
            TrialOutcome.Cancelled c => new SettleWrite.Release(LeaseOf(p.Dispatch), $"interrupted: {c.Reason}", AttemptSpent: false),
            _ => throw new InvalidOperationException($"unknown outcome {p.Outcome.GetType().Name}"),
        })).ToList();
        counts.BatchWritten(writes.Count + asking.Count);
        store.SettleAndLeaseAsync(writes, asking.Select(r => r.NodeId).ToList(), options.LeaseHorizon, Now).PipeTo(Self,
            success: result => new BatchWritten(settling, asking, result),
            failure: error => new BatchNotWritten(settling, asking, error));
    }

    private void OnBatchWritten(BatchWritten batch)
    {
        for (var i = 0; i < batch.Outcomes.Count; i++)
        {
            Settled(batch.Outcomes[i], batch.Result.Settled[i]);
        }
        for (var i = 0; i < batch.Requests.Count; i++)
        {
            Leased(batch.Requests[i], batch.Result.Leased[i]);
        }
        // The events of one batch go to the journal together. With one batch in flight (SQLite) the next batch's
        // store write starts after they are written, not during: both take the same file's write lock, and
        // overlapping them only makes one wait in SQLite's busy handler (sleeps of 1-100 ms) for the other. With
        // several (PostgreSQL), store writes overlap each other and the journal.
        if (options.BatchesInFlight == 1)
        {
            DeferAsync(batch, _ =>
            {
                batchesWriting--;
                WriteBatch();
            });
        }
        else
        {
            batchesWriting--;
            WriteBatch();
        }
    }

    private void OnBatchNotWritten(BatchNotWritten batch)
    {
        batchesWriting--;
        foreach (var failed in batch.Outcomes)
        {
            // The node resends it with its next heartbeat.
            Decisions.OutcomeNotStored(logger, batch.Error, failed.Dispatch.TrialId);
            book.AbandonSettling(failed.Dispatch.TrialId);
        }
        if (batch.Requests.Count > 0)
        {
            Decisions.StoreUnavailable(logger, batch.Error, "leasing trials");
        }
        foreach (var request in batch.Requests)
        {
            request.Node.Tell(new NoWork(request.Slot));
        }
        WriteBatch();
    }

    private void Leased(WorkRequest request, Lease? found)
    {
        if (found is not { } lease)
        {
            request.Node.Tell(new NoWork(request.Slot));
            return;
        }
        // Journal first, then send: a dispatch the journal does not know is handed back at the next recovery.
        PersistTimed(new TrialDispatched(lease.TrialId, request.NodeId, lease.Token, lease.Attempt), dispatched =>
        {
            Applied(dispatched);
            counts.CountDispatch();
            Decisions.Dispatched(logger, lease.TrialId, request.NodeId, request.Slot, lease.Attempt);
            if (nodes.TryGetValue(request.NodeId, out var node) && node.Equals(request.Node))
            {
                sentAt[lease.Token] = Stopwatch.GetTimestamp();
                request.Node.Tell(new TrialAssigned(request.Slot, lease));
            }
            else if (book.TakeDispatchesOf(request.NodeId).FirstOrDefault(d => d.TrialId == lease.TrialId) is { } orphan)
            {
                ReleaseTaken(orphan, "the node left before the assignment was sent", attemptSpent: false, RequeueReasons.AssignmentLost);
            }
        });
    }

    private void Settled(PendingOutcome stored, LeaseWriteOutcome written)
    {
        var dispatch = stored.Dispatch;
        ICoordinatorEvent fact = stored.Outcome switch
        {
            TrialOutcome.Completed => new TrialCompleted(dispatch.TrialId, dispatch.Token),
            TrialOutcome.Failed f => new TrialFailed(dispatch.TrialId, dispatch.Token, f.Reason),
            TrialOutcome.Cancelled c => new TrialHandedBack(dispatch.TrialId, dispatch.Token, c.Reason),
            _ => throw new InvalidOperationException("unknown outcome"),
        };
        PersistTimed(fact, recorded =>
        {
            Applied(recorded);
            switch (stored.Outcome)
            {
                case TrialOutcome.Completed:
                    Decisions.Completed(logger, dispatch.TrialId, dispatch.NodeId);
                    break;
                case TrialOutcome.Failed f:
                    Decisions.Failed(logger, dispatch.TrialId, dispatch.NodeId, f.Reason, written.State?.ToString() ?? "unknown");
                    if (written.State == TrialState.Queued)
                    {
                        counts.CountRequeue(RequeueReasons.RetryableFailure);
                    }
                    break;
                case TrialOutcome.Cancelled c:
                    Decisions.Requeued(logger, dispatch.TrialId, dispatch.NodeId, c.Reason, attemptSpent: false);
                    counts.CountRequeue(RequeueReasons.HandedBack);
                    break;
            }
            stored.Node.Tell(new OutcomeAcknowledged(dispatch.TrialId, dispatch.Token));
        });
    }

    private void OnProgress(ReportProgress progress)
    {
        if (!book.IsCurrent(progress.TrialId, progress.Token) || book.InFlight.FirstOrDefault(d => d.TrialId == progress.TrialId) is not { } dispatch)
        {
            return;
        }
        var sender = Sender;
        store.HeartbeatAsync(LeaseOf(dispatch), progress.Progress, Now, options.LeaseHorizon).ContinueWith(task =>
        {
            if (task.IsCompletedSuccessfully && task.Result == HeartbeatOutcome.CancelRequested)
            {
                sender.Tell(new CancelTrial(dispatch.TrialId, dispatch.Token, "its study was cancelled"));
            }
        }, TaskScheduler.Default);
    }

    private void OnSubmit(SubmitStudy submit)
    {
        var sender = Sender;
        Run(submit, store.SubmitStudyAsync(submit.Submission, Now), result =>
            PersistTimed(new StudySubmitted(result.Study.StudyId, submit.Submission.Trials.Count), fact =>
            {
                Applied(fact);
                Decisions.StudyCommand(logger, fact.StudyId, $"submitted ({result.TrialsInserted} new trials, {result.TrialsLinked} linked)");
                sender.Tell(new SubmitStudyReply(result));
                AnnounceWork();
            }));
    }

    private void OnCancel(CancelStudy cancel)
    {
        var sender = Sender;
        Run(cancel, store.CancelStudyAsync(cancel.StudyId, Now), record =>
        {
            if (record is null)
            {
                sender.Tell(new CancelStudyReply(null));
                return;
            }
            PersistTimed(new StudyCancelled(cancel.StudyId), fact =>
            {
                Applied(fact);
                Decisions.StudyCommand(logger, fact.StudyId, "cancelled");
                sender.Tell(new CancelStudyReply(record));
                store.ListHeldTrialsAsync().PipeTo(Self, success: held => new CancelRunning(held), failure: e =>
                {
                    Decisions.StoreUnavailable(logger, e, "listing trials to cancel");
                    return new Ignored();
                });
            });
        });
    }

    /// <summary>Tells nodes to stop trials whose studies were cancelled, at once rather than at their next heartbeat.</summary>
    private void OnCancelRunning(CancelRunning message)
    {
        foreach (var held in message.Held.Where(h => h.CancelRequested && book.IsCurrent(h.TrialId, h.Token)))
        {
            if (nodes.TryGetValue(held.NodeId, out var node))
            {
                Decisions.CancelSent(logger, held.TrialId, held.NodeId);
                node.Tell(new CancelTrial(held.TrialId, held.Token, "its study was cancelled"));
            }
        }
    }

    private void OnRetry(RetryStudy retry)
    {
        var sender = Sender;
        Run(retry, store.RetryFailedAsync(retry.StudyId, Now), requeued =>
        {
            if (requeued is not { } n)
            {
                sender.Tell(new RetryStudyReply(new RetryResult(retry.StudyId, Found: false, 0)));
                return;
            }
            PersistTimed(new StudyRetried(retry.StudyId, n), fact =>
            {
                Applied(fact);
                Decisions.StudyCommand(logger, fact.StudyId, $"retried {n} failed trials");
                counts.CountRequeue(RequeueReasons.Retry, n);
                sender.Tell(new RetryStudyReply(new RetryResult(retry.StudyId, Found: true, n)));
                AnnounceWork();
            });
        });
    }

    private void AnnounceWork()
    {
        foreach (var node in nodes.Values)
        {
            node.Tell(new WorkAvailable());
        }
    }

    /// <summary>Runs a study command's store call and continues on the actor's turn; failures are answered, never swallowed.</summary>
    private void Run<T>(ICoordinatorCommand command, Task<T> call, Action<T> then)
    {
        var sender = Sender;
        call.PipeTo(Self, success: value => new Continue(() => then(value)), failure: error =>
        {
            Decisions.CommandFailed(logger, error, command.GetType().Name);
            var reply = new CommandFailed(command.GetType().Name, error.Message, error is StoreUnavailableException, error is ArgumentException);
            return new Continue(() => sender.Tell(reply));
        });
    }

    private void OnHousekeep()
    {
        if (housekeeping)
        {
            return;
        }
        housekeeping = true;
        store.FinishStudiesAsync(Now).PipeTo(Self, success: _ => new HousekeepingDone(), failure: error =>
        {
            Decisions.StoreUnavailable(logger, error, "finishing studies");
            return new HousekeepingDone();
        });
    }

    protected override void PostStop()
    {
        if (started)
        {
            counts.CoordinatorStopped();
        }
        base.PostStop();
    }

    /// <summary>Persists one event and records the time from the write's start to its callback (journal latency).</summary>
    private void PersistTimed<TEvent>(TEvent fact, Action<TEvent> then)
    {
        var begun = Stopwatch.GetTimestamp();
        Persist(fact, recorded =>
        {
            counts.JournalWritten(Stopwatch.GetElapsedTime(begun));
            then(recorded);
        });
    }

    private void Applied(ICoordinatorEvent fact)
    {
        book.Apply(fact);
        if (fact is IDispatchEnded ended)
        {
            sentAt.Remove(ended.Token);
        }
        counts.SetInFlight(book.Count);
        if (LastSequenceNr % options.SnapshotEvery == 0)
        {
            SaveSnapshot(book.ToSnapshot());
        }
    }

    private static Lease LeaseOf(TrialDispatched dispatch) =>
        new(dispatch.TrialId, "", "", null, dispatch.NodeId, dispatch.Token, dispatch.Attempt, DateTimeOffset.MaxValue);

    private sealed record Continue(Action Action);

    private sealed record RetryReconcile;

    private sealed record HousekeepingDone;

    private sealed record Ignored;
}
