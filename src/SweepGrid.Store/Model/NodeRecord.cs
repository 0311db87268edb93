namespace SweepGrid.Store;

/// <summary>A node as last reported by <see cref="ITrialStore.RecordNodeHeartbeatAsync"/>.</summary>
public sealed record NodeRecord(string NodeId, int Slots, string State, DateTimeOffset LastSeen);
