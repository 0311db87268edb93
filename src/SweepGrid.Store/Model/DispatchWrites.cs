namespace SweepGrid.Store;

/// <summary>One fenced write the coordinator makes for a dispatched trial, for <see cref="ITrialStore.SettleAndLeaseAsync"/>.</summary>
public abstract record SettleWrite(Lease Lease)
{
    /// <summary>The attempt completed with these results (<see cref="ITrialStore.CompleteAsync"/>).</summary>
    public sealed record Complete(Lease Lease, TrialResults Results) : SettleWrite(Lease);

    /// <summary>The attempt failed (<see cref="ITrialStore.FailAsync"/>).</summary>
    public sealed record Fail(Lease Lease, string Reason, bool Retryable) : SettleWrite(Lease);

    /// <summary>The trial is handed back or requeued (<see cref="ITrialStore.ReleaseAsync"/>).</summary>
    public sealed record Release(Lease Lease, string Reason, bool AttemptSpent) : SettleWrite(Lease);
}

/// <summary>What <see cref="ITrialStore.SettleAndLeaseAsync"/> did, in the order of its arguments.</summary>
/// <param name="Settled">One answer per settle write.</param>
/// <param name="Leased">One lease (or null: nothing queued) per lease request.</param>
public sealed record SettleAndLeaseResult(IReadOnlyList<LeaseWriteOutcome> Settled, IReadOnlyList<Lease?> Leased);
