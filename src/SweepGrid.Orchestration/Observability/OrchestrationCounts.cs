using System.Collections.Concurrent;
using SweepGrid.Telemetry;

namespace SweepGrid.Orchestration.Observability;

/// <summary>
/// The facts the actors decide, counted where they are decided and handed on to the process's
/// <see cref="SweepGridMetrics"/> (when there is one): requeues by reason, dispatches in flight, members by role and
/// status, coordinator starts, journal write times, slots and finished attempts. Trials by state come from the read
/// model (<see cref="TrialStatePublisher"/>). Thread-safe; one instance per process (registered in DI).
/// </summary>
public sealed class OrchestrationCounts(SweepGridMetrics? metrics = null)
{
    private readonly ConcurrentDictionary<string, long> requeues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Role, string Status), int> members = new();
    private long dispatched;
    private long batches;
    private long batchedItems;
    private long inFlight;
    private int coordinatorsRunning;

    /// <summary>Requeues by reason (<see cref="RequeueReasons"/>).</summary>
    public IReadOnlyDictionary<string, long> RequeuesByReason => requeues;

    /// <summary>Cluster members by (role, status), e.g. ("node", "up").</summary>
    public IReadOnlyDictionary<(string Role, string Status), int> MembersByRoleAndStatus => members;

    public long Dispatched => Interlocked.Read(ref dispatched);

    public long InFlight => Interlocked.Read(ref inFlight);

    /// <summary>Group-committed dispatch batches (one store transaction and one journal write each).</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Outcomes and work requests written in those batches.</summary>
    public long BatchedItems => Interlocked.Read(ref batchedItems);

    /// <summary>Whether the coordinator runs in this process now (the member that hosts the singleton).</summary>
    public bool CoordinatorRunsHere => Volatile.Read(ref coordinatorsRunning) > 0;

    /// <summary>The metrics these counts feed, if the process publishes any.</summary>
    public SweepGridMetrics? Metrics => metrics;

    internal void CountRequeue(string reason, int trials = 1)
    {
        requeues.AddOrUpdate(reason, trials, (_, n) => n + trials);
        metrics?.Requeued(reason, trials);
    }

    internal void CountDispatch() => Interlocked.Increment(ref dispatched);

    internal void BatchWritten(int items)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref batchedItems, items);
    }

    internal void SetInFlight(int count) => Interlocked.Exchange(ref inFlight, count);

    /// <summary>The coordinator finished recovery here; with dispatches recovered from the journal it took over running work (a failover).</summary>
    internal void CoordinatorStarted(bool recoveredRunningWork)
    {
        Interlocked.Increment(ref coordinatorsRunning);
        metrics?.CoordinatorStarted(recoveredRunningWork);
    }

    internal void CoordinatorStopped() => Interlocked.Decrement(ref coordinatorsRunning);

    internal void JournalWritten(TimeSpan elapsed) => metrics?.JournalWrite(elapsed);

    internal void SlotsChanged(string node, int busy, int free) => metrics?.ReportSlots(node, busy, free);

    /// <summary>A node started: its training-samples series exists from now on (at 0), so rates over it are 0, not absent.</summary>
    internal void NodeStarted(string node, string device) => metrics?.TrainSamples(node, device, 0);

    internal void NodeStopped(string node) => metrics?.ForgetNode(node);

    internal void AttemptFinished(string node, string device, string outcome, TimeSpan elapsed, long trainSamples)
    {
        metrics?.AttemptFinished(outcome, elapsed);
        metrics?.TrainSamples(node, device, trainSamples);
    }

    internal void SetMembers(IEnumerable<(string Role, string Status)> current)
    {
        var list = current.ToList();
        var counts = list.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        foreach (var key in members.Keys.Where(k => !counts.ContainsKey(k)))
        {
            members.TryRemove(key, out _);
        }
        foreach (var (key, n) in counts)
        {
            members[key] = n;
        }
        metrics?.ReportMembers(list);
    }
}
