using SweepGrid.Actors;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Nodes;

/// <summary>Messages of the node actor: commands from outside, facts piped back from async work.</summary>
public interface INodeMessage;

/// <summary>Look for work for every free slot (timer tick, or after a slot frees up).</summary>
public sealed record PullWork : INodeMessage;

/// <summary>Extend the leases of running trials and learn about cancellations.</summary>
public sealed record SendHeartbeats : INodeMessage;

/// <summary>Stop taking work; running trials are interrupted and handed back. Replies when every slot is free.</summary>
public sealed record Drain(ReplyChannel<bool> Reply) : INodeMessage;

/// <summary>A snapshot of the slots, for the live display and status.</summary>
public sealed record GetNodeStatus(ReplyChannel<NodeStatus> Reply) : INodeMessage;

internal sealed record LeaseGranted(int Slot, Lease? Lease) : INodeMessage;

internal sealed record LeaseRequestFailed(int Slot, Exception Error) : INodeMessage;

internal sealed record TrialFinished(int Slot, Lease Lease, TrialOutcome Outcome) : INodeMessage;

internal sealed record OutcomeWritten(int Slot, Lease Lease, string Description) : INodeMessage;

internal sealed record NodeHeartbeatRecorded : INodeMessage;

internal sealed record HeartbeatAnswered(int Slot, Lease Lease, HeartbeatOutcome Outcome) : INodeMessage;

/// <summary>What one slot is doing.</summary>
public sealed record SlotStatus(int Slot, string State, string? TrialId, TrialProgress? Progress);

/// <summary>A node's slots and counters.</summary>
public sealed record NodeStatus(string NodeId, bool Draining, IReadOnlyList<SlotStatus> Slots, long Completed, long Failed, long Rejected);
