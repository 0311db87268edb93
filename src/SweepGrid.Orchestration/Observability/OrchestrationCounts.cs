using System.Collections.Concurrent;

namespace SweepGrid.Orchestration.Observability;

/// <summary>
/// The counts the metrics endpoint publishes, kept by the actors that decide them: requeues by reason, dispatches
/// in flight, members by role and status. Trials by state come from the read model
/// (<c>ITrialStore.CountTrialsByStateAsync</c>). Thread-safe; one instance per process (registered in DI).
/// </summary>
public sealed class OrchestrationCounts
{
    private readonly ConcurrentDictionary<string, long> requeues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Role, string Status), int> members = new();
    private long dispatched;
    private long inFlight;

    /// <summary>Requeues by reason: <c>node-lost</c>, <c>handed-back</c>, <c>retryable-failure</c>, <c>assignment-lost</c>, <c>unjournaled</c>.</summary>
    public IReadOnlyDictionary<string, long> RequeuesByReason => requeues;

    /// <summary>Cluster members by (role, status), e.g. ("node", "up").</summary>
    public IReadOnlyDictionary<(string Role, string Status), int> MembersByRoleAndStatus => members;

    public long Dispatched => Interlocked.Read(ref dispatched);

    public long InFlight => Interlocked.Read(ref inFlight);

    internal void CountRequeue(string reason) => requeues.AddOrUpdate(reason, 1, (_, n) => n + 1);

    internal void CountDispatch() => Interlocked.Increment(ref dispatched);

    internal void SetInFlight(int count) => Interlocked.Exchange(ref inFlight, count);

    internal void SetMembers(IEnumerable<(string Role, string Status)> current)
    {
        var counts = current.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        foreach (var key in members.Keys.Where(k => !counts.ContainsKey(k)))
        {
            members.TryRemove(key, out _);
        }
        foreach (var (key, n) in counts)
        {
            members[key] = n;
        }
    }
}
