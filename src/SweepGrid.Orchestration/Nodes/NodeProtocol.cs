using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Serialization;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Nodes;

/// <summary>The coordinator's answer to a slot's request: run this trial under this lease (attempt token).</summary>
public sealed record TrialAssigned(int Slot, Lease Lease) : IWireMessage;

/// <summary>The coordinator's answer to a slot's request: nothing to run now; the slot asks again at the next poll.</summary>
public sealed record NoWork(int Slot) : IWireMessage;

/// <summary>The outcome of this dispatch is recorded (or was stale and changes nothing): stop resending it.</summary>
public sealed record OutcomeAcknowledged(string TrialId, Guid Token) : IWireMessage;

/// <summary>Stop this trial (its study was cancelled); it is reported back as cancelled.</summary>
public sealed record CancelTrial(string TrialId, Guid Token, string Reason) : IWireMessage;

/// <summary>New work may be there (a study was submitted or retried, or the coordinator is ready): free slots ask now rather than at their next poll.</summary>
public sealed record WorkAvailable : IWireMessage;

/// <summary>Stop taking work and hand running trials back. Replies <see cref="Drained"/> when every slot is free.</summary>
public sealed record Drain;

/// <summary>Every slot of the node is free after a drain.</summary>
public sealed record Drained(string NodeId);

/// <summary>Asks for a <see cref="NodeStatus"/> (the live display and status).</summary>
public sealed record GetNodeStatus;

internal sealed record PullWork;

internal sealed record Heartbeat;

internal sealed record TrialFinished(int Slot, Lease Lease, TrialOutcome Outcome);

/// <summary>What one slot is doing.</summary>
public sealed record SlotStatus(int Slot, string State, string? TrialId, TrialProgress? Progress);

/// <summary>A node's slots and counters.</summary>
public sealed record NodeStatus(string NodeId, bool Draining, IReadOnlyList<SlotStatus> Slots, long Completed, long Failed, long Rejected);
