namespace SweepGrid.Orchestration.Nodes;

/// <summary>How a node runs: its id, slots, and the timing of leases, heartbeats and polling.</summary>
public sealed record NodeOptions
{
    /// <summary>Stable node id (lease owner); defaults to the host name.</summary>
    public string NodeId { get; init; } = Environment.MachineName;

    public int Slots { get; init; } = Environment.ProcessorCount;

    /// <summary>libtorch (and OpenBLAS) threads per slot.</summary>
    public int ThreadsPerSlot { get; init; } = 1;

    /// <summary>How long a lease lasts without a heartbeat; a dead node's trials return to the queue after it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often free slots ask again when the queue was empty.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public void Validate()
    {
        if (Slots < 1 || ThreadsPerSlot < 1)
        {
            throw new ArgumentException($"a node needs at least one slot and one thread per slot (got {Slots} slots, {ThreadsPerSlot} threads)");
        }
        if (HeartbeatInterval * 2 >= LeaseDuration)
        {
            throw new ArgumentException($"the heartbeat interval ({HeartbeatInterval}) must be less than half the lease duration ({LeaseDuration})");
        }
    }
}
