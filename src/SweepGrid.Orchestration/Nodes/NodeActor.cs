using System.Collections.Concurrent;
using SweepGrid.Actors;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Slots;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Nodes;

/// <summary>
/// A node: pulls trials from the store when a slot is free, runs each on its slot's thread, heartbeats
/// its leases, and writes outcomes under the lease token (the store rejects a stale one). A thin shell:
/// slot decisions live in <see cref="SlotTable"/>; every store call and trial runs off the actor's turn
/// and comes back as a message.
/// </summary>
public sealed class NodeActor(ITrialStore store, ITrialExecutor executor, NodeOptions options) : Actor<INodeMessage>
{
    private readonly SlotTable table = new(options.Slots);
    private readonly ConcurrentDictionary<int, TrialProgress> progress = new();
    private readonly CancellationTokenSource?[] running = new CancellationTokenSource?[options.Slots];
    private readonly List<ReplyChannel<bool>> drainWaiters = [];
    private SlotThread[] threads = [];
    private long completed;
    private long failed;
    private long rejected;

    public override Task PreStartAsync(ActorContext<INodeMessage> context)
    {
        threads = Enumerable.Range(0, options.Slots).Select(i => new SlotThread($"{options.NodeId}/slot-{i}", options.ThreadsPerSlot)).ToArray();
        context.ScheduleRepeatedly(TimeSpan.Zero, options.PollInterval, new PullWork());
        context.ScheduleRepeatedly(options.HeartbeatInterval, new SendHeartbeats());
        return Task.CompletedTask;
    }

    public override Task PostStopAsync(ActorContext<INodeMessage> context)
    {
        foreach (var cancellation in running)
        {
            cancellation?.Cancel();
        }
        foreach (var thread in threads)
        {
            thread.Dispose();
        }
        return Task.CompletedTask;
    }

    public override Task ReceiveAsync(INodeMessage message, ActorContext<INodeMessage> context)
    {
        switch (message)
        {
            case PullWork:
                foreach (var slot in table.ClaimFreeSlots())
                {
                    context.PipeTo(store.LeaseNextAsync(options.NodeId, options.LeaseDuration, Now(context)),
                        lease => new LeaseGranted(slot, lease), error => new LeaseRequestFailed(slot, error));
                }
                break;
            case LeaseGranted granted:
                OnLeaseGranted(granted, context);
                break;
            case LeaseRequestFailed failure:
                // The store is unreachable: the slot waits for the next poll (the lease, if any, lapses and is reaped).
                table.Granted(failure.Slot, null);
                break;
            case TrialFinished finished:
                OnTrialFinished(finished, context);
                break;
            case OutcomeWritten written:
                table.Written(written.Slot);
                progress.TryRemove(written.Slot, out _);
                CompleteDrainIfIdle();
                context.Self.Tell(new PullWork());
                break;
            case SendHeartbeats:
                foreach (var (slot, lease) in table.Running())
                {
                    var current = progress.TryGetValue(slot, out var p) ? p : new TrialProgress(0, null, null);
                    context.PipeTo(store.HeartbeatAsync(lease, current, Now(context), options.LeaseDuration),
                        outcome => new HeartbeatAnswered(slot, lease, outcome), _ => new HeartbeatAnswered(slot, lease, HeartbeatOutcome.Ok));
                }
                context.PipeTo(store.RecordNodeHeartbeatAsync(options.NodeId, options.Slots, table.Draining ? "draining" : "running", Now(context)),
                    () => new NodeHeartbeatRecorded(), _ => new NodeHeartbeatRecorded());
                break;
            case HeartbeatAnswered answer when answer.Outcome != HeartbeatOutcome.Ok && table.LeaseOf(answer.Slot) == answer.Lease:
                // Cancelled study or lost lease: stop computing a result nobody will accept.
                running[answer.Slot]?.Cancel();
                break;
            case Drain drain:
                table.BeginDrain();
                drainWaiters.Add(drain.Reply);
                foreach (var (slot, _) in table.Running())
                {
                    running[slot]?.Cancel();
                }
                CompleteDrainIfIdle();
                break;
            case GetNodeStatus status:
                status.Reply.Reply(Status());
                break;
        }
        return Task.CompletedTask;
    }

    private void OnLeaseGranted(LeaseGranted granted, ActorContext<INodeMessage> context)
    {
        if (!table.Granted(granted.Slot, granted.Lease))
        {
            CompleteDrainIfIdle();
            return;
        }
        var lease = granted.Lease!;
        var cancellation = new CancellationTokenSource();
        running[granted.Slot] = cancellation;
        if (table.Draining)
        {
            cancellation.Cancel();
        }
        var slot = granted.Slot;
        var run = threads[slot].RunAsync(() => executor.Execute(lease, p => progress[slot] = p, cancellation.Token));
        context.PipeTo(run, outcome => new TrialFinished(slot, lease, outcome),
            error => new TrialFinished(slot, lease, new TrialOutcome.Failed($"{error.GetType().Name}: {error.Message}", Retryable: true)));
    }

    private void OnTrialFinished(TrialFinished finished, ActorContext<INodeMessage> context)
    {
        table.Finished(finished.Slot);
        running[finished.Slot]?.Dispose();
        running[finished.Slot] = null;
        var now = Now(context);
        var write = finished.Outcome switch
        {
            TrialOutcome.Completed c => store.CompleteAsync(finished.Lease, c.Results, now),
            TrialOutcome.Failed f => store.FailAsync(finished.Lease, f.Reason, f.Retryable, now),
            // Interrupted (drain, cancelled study): hand the trial back at once instead of waiting for the lease to lapse.
            TrialOutcome.Cancelled c => store.FailAsync(finished.Lease, $"interrupted: {c.Reason}", retryable: true, now),
            _ => throw new InvalidOperationException("unknown outcome"),
        };
        var slot = finished.Slot;
        context.PipeTo(write, outcome =>
        {
            Count(finished.Outcome, outcome);
            return new OutcomeWritten(slot, finished.Lease, outcome.IsAccepted ? "accepted" : outcome.RejectionReason ?? "rejected");
        }, error => new OutcomeWritten(slot, finished.Lease, $"write failed: {error.Message}"));
    }

    private void Count(TrialOutcome outcome, LeaseWriteOutcome written)
    {
        if (!written.IsAccepted)
        {
            rejected++;
        }
        else if (outcome is TrialOutcome.Completed)
        {
            completed++;
        }
        else if (outcome is TrialOutcome.Failed)
        {
            failed++;
        }
    }

    private void CompleteDrainIfIdle()
    {
        if (table.Draining && table.IsIdle)
        {
            drainWaiters.ForEach(w => w.Reply(true));
            drainWaiters.Clear();
        }
    }

    private NodeStatus Status() => new(options.NodeId, table.Draining,
        Enumerable.Range(0, table.Count).Select(i => new SlotStatus(i, table.Phase(i).ToString().ToLowerInvariant(), table.LeaseOf(i)?.TrialId,
            progress.TryGetValue(i, out var p) ? p : null)).ToList(),
        completed, failed, rejected);

    private static DateTimeOffset Now(ActorContext<INodeMessage> context) => context.TimeProvider.GetUtcNow();
}
