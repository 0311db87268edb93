namespace SweepGrid.Orchestration.Coordination;

/// <summary>How the coordinator runs.</summary>
public sealed record CoordinatorOptions
{
    /// <summary>The journal's persistence id: one coordinator per database.</summary>
    public string PersistenceId { get; init; } = "sweepgrid-coordinator";

    /// <summary>
    /// After recovery, how long nodes have to re-attach (re-register with what they hold) before their dispatches
    /// count as lost. Zero in embedded mode, where no node of an earlier process can still be alive.
    /// </summary>
    public TimeSpan NodeReattachGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often finished studies are marked and orphaned dispatches looked for.</summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A snapshot after this many journaled events keeps recovery short.</summary>
    public int SnapshotEvery { get; init; } = 500;

    /// <summary>
    /// At most this many outcomes and work requests share one store transaction and one journal write (group commit;
    /// those that arrive while a batch is being written wait for the next one).
    /// </summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>
    /// How many batches may be written at once. One (embedded SQLite: a single write lock for the store and the
    /// journal) also waits for a batch's journal write before the next store write; more (PostgreSQL, where
    /// transactions on different rows run side by side) overlap store writes with each other and with the journal.
    /// </summary>
    public int BatchesInFlight { get; init; } = 1;

    /// <summary>How far the read model's lease time is set ahead; informational only (the journal decides).</summary>
    public TimeSpan LeaseHorizon { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after sending an assignment the coordinator expects the node's heartbeats to list it; only then do
    /// missing reports count as a lost assignment. Longer than a node's heartbeat plus any stall of a loaded machine.
    /// </summary>
    public TimeSpan AssignmentReportedWithin { get; init; } = TimeSpan.FromSeconds(10);
}
