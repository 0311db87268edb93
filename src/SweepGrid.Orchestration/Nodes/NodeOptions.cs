namespace SweepGrid.Orchestration.Nodes;

/// <summary>How a node runs: its id, slots, and the timing of heartbeats and polling.</summary>
public sealed record NodeOptions
{
    /// <summary>The node's id, unique per process (see <see cref="NodeIds"/>); defaults to the host name and a fresh incarnation.</summary>
    public string NodeId { get; init; } = NodeIds.New(Environment.MachineName);

    public int Slots { get; init; } = Environment.ProcessorCount;

    /// <summary>The device trials run on, as published in metrics (e.g. <c>cpu</c>, <c>cuda:0</c>).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>libtorch (and OpenBLAS) threads per slot.</summary>
    public int ThreadsPerSlot { get; init; } = 1;

    /// <summary>How often the node re-registers, reports progress and resends unacknowledged outcomes.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often free slots ask again when there was no work.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A slot whose last trial ran shorter than this asks for its next trial while running the current one, so short
    /// trials do not wait for the coordinator's round trip (journal and store writes) between them. Long trials never
    /// ask ahead, so work stays spread over the nodes. <see cref="TimeSpan.Zero"/> turns asking ahead off.
    /// </summary>
    public TimeSpan AskAheadBelow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many trials a slot running short ones holds or awaits besides its running one.</summary>
    public int AskAheadDepth { get; init; } = 8;

    /// <summary>The most trials one request may ask for; the coordinator refuses larger requests.</summary>
    public const int MaxAskAheadDepth = 32;

    public void Validate()
    {
        if (Slots < 1 || ThreadsPerSlot < 1)
        {
            throw new ArgumentException($"a node needs at least one slot and one thread per slot (got {Slots} slots, {ThreadsPerSlot} threads)");
        }
        if (HeartbeatInterval <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"heartbeat ({HeartbeatInterval}) and poll ({PollInterval}) intervals must be positive");
        }
        if (AskAheadBelow < TimeSpan.Zero || AskAheadDepth is < 0 or > MaxAskAheadDepth)
        {
            throw new ArgumentException($"asking ahead needs a threshold of zero or more and a depth from 0 to {MaxAskAheadDepth} (got {AskAheadBelow} and {AskAheadDepth})");
        }
    }
}
