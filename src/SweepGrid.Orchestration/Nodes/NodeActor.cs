using System.Diagnostics;
using Akka.Actor;
using Microsoft.Extensions.Logging;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Orchestration.Slots;
using SweepGrid.Store;
using Decisions = SweepGrid.Orchestration.Observability.OrchestrationLog;

namespace SweepGrid.Orchestration.Nodes;

/// <summary>
/// A node: each free slot asks the coordinator for work, runs the assigned trial on the slot's own thread,
/// reports progress with every heartbeat, and resends the outcome until the coordinator acknowledges it.
/// Registers (with what it holds) at every heartbeat, so it re-attaches to a coordinator that moved. A drain
/// interrupts running trials; they are handed back without spending an attempt. A thin shell: slot decisions
/// live in <see cref="SlotTable"/>.
/// </summary>
public sealed class NodeActor : ReceiveActor, IWithTimers
{
    /// <summary>Poll ticks a slot waits for an answer to its request before asking again (the coordinator may have moved).</summary>
    private const int AskPatienceTicks = 20;

    private readonly ITrialExecutor executor;
    private readonly NodeOptions options;
    private readonly IActorRef coordinator;
    private readonly ILogger logger;
    private readonly SlotTable table;
    private readonly TrialProgress?[] progress;
    private readonly CancellationTokenSource?[] running;
    // Outcomes sent and not yet acknowledged, by token. A slot is free again as soon as it sent its outcome, so its
    // next request travels right behind it and both share the coordinator's next group commit.
    private readonly Dictionary<Guid, ReportOutcome> unacknowledged = [];
    private readonly int[] askAge;
    private readonly long[] startedAt;
    private readonly bool[] lastWasShort;
    private readonly OrchestrationCounts? counts;
    private readonly List<IActorRef> drainWaiters = [];
    private SlotThread[] threads = [];
    private long completed;
    private long failed;
    private long rejected;

    public NodeActor(ITrialExecutor executor, NodeOptions options, IActorRef coordinator, ILoggerFactory loggers, OrchestrationCounts? counts = null)
    {
        this.counts = counts;
        this.executor = executor;
        this.options = options;
        this.coordinator = coordinator;
        logger = loggers.CreateLogger<NodeActor>();
        table = new SlotTable(options.Slots);
        progress = new TrialProgress?[options.Slots];
        running = new CancellationTokenSource?[options.Slots];
        askAge = new int[options.Slots];
        startedAt = new long[options.Slots];
        lastWasShort = new bool[options.Slots];

        Receive<PullWork>(_ => OnPullWork());
        Receive<WorkAvailable>(_ => OnPullWork());
        Receive<Heartbeat>(_ => OnHeartbeat());
        Receive<TrialAssigned>(OnAssigned);
        Receive<NoWork>(none =>
        {
            table.Granted(none.Slot, null);
            CompleteDrainIfIdle();
        });
        Receive<TrialFinished>(OnFinished);
        Receive<OutcomeAcknowledged>(OnAcknowledged);
        Receive<CancelTrial>(cancel =>
        {
            foreach (var (slot, lease) in table.Running().Where(r => r.Lease.TrialId == cancel.TrialId && r.Lease.Token == cancel.Token))
            {
                Decisions.TrialCancelledOnSlot(logger, lease.TrialId, slot, cancel.Reason);
                running[slot]?.Cancel();
            }
            foreach (var (slot, _) in table.Held().Where(h => h.Lease.TrialId == cancel.TrialId && h.Lease.Token == cancel.Token).ToList())
            {
                Decisions.TrialCancelledOnSlot(logger, cancel.TrialId, slot, cancel.Reason);
                HandBack(table.TakeHeld(slot, cancel.Token)!, cancel.Reason);
            }
        });
        Receive<Drain>(_ => OnDrain());
        Receive<GetNodeStatus>(_ => Sender.Tell(Status()));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        threads = Enumerable.Range(0, options.Slots).Select(i => new SlotThread($"{options.NodeId}/slot-{i}", options.ThreadsPerSlot)).ToArray();
        Decisions.NodeStarted(logger, options.NodeId, options.Slots);
        OnHeartbeat();
        Timers.StartPeriodicTimer("heartbeat", new Heartbeat(), options.HeartbeatInterval);
        Timers.StartPeriodicTimer("pull", new PullWork(), options.PollInterval);
        Self.Tell(new PullWork());
        PublishSlots();
        counts?.NodeStarted(NodeName, options.Device);
    }

    /// <summary>The node's stable name (no incarnation), so a restarted node keeps its metric series.</summary>
    private string NodeName => NodeIds.NameOf(options.NodeId);

    protected override void PostStop()
    {
        counts?.NodeStopped(NodeName);
        foreach (var cancellation in running)
        {
            cancellation?.Cancel();
        }
        foreach (var thread in threads)
        {
            thread.Dispose();
        }
    }

    private void OnPullWork()
    {
        for (var slot = 0; slot < table.Count; slot++)
        {
            // An unanswered request (lost while the coordinator moved) is given up, so the slot asks again.
            if (table.Awaiting(slot) > 0 && ++askAge[slot] >= AskPatienceTicks)
            {
                table.GiveUp(slot);
            }
        }
        CompleteDrainIfIdle();
        if (unacknowledged.Count >= table.Count)
        {
            return; // the coordinator is behind: wait for acknowledgements before asking for more
        }
        foreach (var slot in table.ClaimFreeSlots(table.Count - unacknowledged.Count))
        {
            askAge[slot] = 0;
            coordinator.Tell(new RequestWork(options.NodeId, slot));
        }
    }

    private void OnHeartbeat()
    {
        var held = table.Running().Concat(table.Held()).Select(r => r.Lease.Token).Concat(unacknowledged.Keys).ToList();
        coordinator.Tell(new RegisterNode(options.NodeId, options.Slots, held));
        foreach (var (slot, lease) in table.Running())
        {
            coordinator.Tell(new ReportProgress(options.NodeId, lease.TrialId, lease.Token, progress[slot] ?? new TrialProgress(0, null, null)));
        }
        // Results are resent until acknowledged: the coordinator accepts them once per (trial, token).
        foreach (var outcome in unacknowledged.Values)
        {
            coordinator.Tell(outcome);
        }
    }

    private void OnAssigned(TrialAssigned assigned)
    {
        var (slot, lease) = (assigned.Slot, assigned.Lease);
        switch (table.Granted(slot, lease))
        {
            case Grant.Started:
                Start(slot, lease);
                AskAhead(slot);
                break;
            case Grant.Late:
                // An answer the slot no longer waited for (it gave up, or the node is draining): hand the trial back
                // without spending an attempt. A drain ends only when the coordinator acknowledged it.
                Decisions.LateAssignment(logger, lease.TrialId, slot);
                rejected++;
                HandBack(lease, table.Draining ? "the node drained before the trial started" : "the slot no longer waited for it");
                CompleteDrainIfIdle();
                break;
        }
    }

    /// <summary>
    /// After a short trial, a slot that just started one asks for the ones after it at once, so it does not wait
    /// for the coordinator's round trip between trials.
    /// </summary>
    private void AskAhead(int slot)
    {
        if (ClaimAhead(slot) is var count and > 0)
        {
            askAge[slot] = 0;
            coordinator.Tell(new RequestWork(options.NodeId, slot, count));
        }
    }

    /// <summary>How many trials this running slot asks for ahead now: none unless its last trial was short and the coordinator keeps up.</summary>
    private int ClaimAhead(int slot) =>
        lastWasShort[slot] && unacknowledged.Count <= AheadLimit ? table.ClaimAhead(slot, options.AskAheadDepth) : 0;

    /// <summary>Outcomes the node may have unacknowledged and still ask for more: the coordinator is behind beyond this.</summary>
    private int AheadLimit => table.Count * (options.AskAheadDepth + 1);

    /// <summary>Returns a trial the node holds but has not started, without spending an attempt; resent until acknowledged.</summary>
    private void HandBack(Lease lease, string reason)
    {
        var handBack = new ReportOutcome(options.NodeId, lease.TrialId, lease.Token, new TrialOutcome.Cancelled(reason));
        unacknowledged[lease.Token] = handBack;
        coordinator.Tell(handBack);
    }

    private void Start(int slot, Lease lease)
    {
        startedAt[slot] = Stopwatch.GetTimestamp();
        PublishSlots();
        var cancellation = new CancellationTokenSource();
        running[slot] = cancellation;
        progress[slot] = null;
        var self = Self;
        threads[slot].RunAsync(() => executor.Execute(lease, p => progress[slot] = p, cancellation.Token)).ContinueWith(task =>
            self.Tell(new TrialFinished(slot, lease, task.IsCompletedSuccessfully
                ? task.Result
                : new TrialOutcome.Failed($"{task.Exception?.InnerException?.GetType().Name}: {task.Exception?.InnerException?.Message}", Retryable: true))),
            TaskScheduler.Default);
    }

    private void OnFinished(TrialFinished finished)
    {
        table.Finished(finished.Slot);
        counts?.AttemptFinished(NodeName, options.Device, OutcomeName(finished.Outcome), Stopwatch.GetElapsedTime(startedAt[finished.Slot]),
            finished.Outcome is TrialOutcome.Completed ? TrainingWork.SamplesOf(finished.Lease.DefinitionJson) : 0);
        running[finished.Slot]?.Dispose();
        running[finished.Slot] = null;
        switch (finished.Outcome)
        {
            case TrialOutcome.Completed:
                completed++;
                break;
            case TrialOutcome.Failed f:
                failed++;
                Decisions.TrialFailedOnSlot(logger, finished.Lease.TrialId, finished.Slot, f.Reason);
                break;
        }
        var slot = finished.Slot;
        lastWasShort[slot] = Stopwatch.GetElapsedTime(startedAt[slot]) < options.AskAheadBelow;
        var report = new ReportOutcome(options.NodeId, finished.Lease.TrialId, finished.Lease.Token, finished.Outcome);
        unacknowledged[report.Token] = report;
        progress[slot] = null;
        // The slot asks for its next trials in the same message, so the outcome and the leases share one group commit:
        // for one when it is free, or, after a short trial, ahead for those after the held one it starts now.
        var asked = 0;
        if (table.Written(slot) is { } next)
        {
            Start(slot, next);
            asked = ClaimAhead(slot);
        }
        else if (unacknowledged.Count <= table.Count && table.Claim(slot))
        {
            asked = 1;
        }
        if (asked > 0)
        {
            askAge[slot] = 0;
        }
        coordinator.Tell(asked > 0 ? report with { AskForSlot = slot, Asking = asked } : report);
        PublishSlots();
    }

    private void OnAcknowledged(OutcomeAcknowledged ack)
    {
        if (unacknowledged.TryGetValue(ack.Token, out var pending) && pending.TrialId == ack.TrialId)
        {
            unacknowledged.Remove(ack.Token);
        }
        CompleteDrainIfIdle();
        Self.Tell(new PullWork());
    }

    private void OnDrain()
    {
        var runningNow = table.Running();
        if (!table.Draining)
        {
            Decisions.Draining(logger, options.NodeId, runningNow.Count);
        }
        table.BeginDrain();
        drainWaiters.Add(Sender);
        foreach (var (slot, _) in runningNow)
        {
            running[slot]?.Cancel();
        }
        foreach (var lease in table.TakeAllHeld())
        {
            HandBack(lease, "the node drained before the trial started");
        }
        // Slots still waiting for an answer keep waiting for it (or until their patience runs out): the coordinator
        // may already have dispatched a trial to them, which must be handed back before the drain is complete.
        CompleteDrainIfIdle();
    }

    private void CompleteDrainIfIdle()
    {
        if (table.Draining && table.IsIdle && unacknowledged.Count == 0)
        {
            drainWaiters.ForEach(w => w.Tell(new Drained(options.NodeId)));
            drainWaiters.Clear();
        }
    }

    private void PublishSlots()
    {
        var busy = table.Running().Count;
        counts?.SlotsChanged(NodeName, busy, table.Count - busy);
    }

    private static string OutcomeName(TrialOutcome outcome) => outcome switch
    {
        TrialOutcome.Completed => "completed",
        TrialOutcome.Failed => "failed",
        _ => "handed-back",
    };

    private NodeStatus Status() => new(options.NodeId, table.Draining,
        Enumerable.Range(0, table.Count).Select(i => new SlotStatus(i, table.Phase(i).ToString().ToLowerInvariant(), table.LeaseOf(i)?.TrialId, progress[i])).ToList(),
        completed, failed, rejected);
}
