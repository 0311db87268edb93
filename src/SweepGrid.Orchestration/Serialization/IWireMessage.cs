namespace SweepGrid.Orchestration.Serialization;

/// <summary>
/// Marks the messages, journal events and snapshots written by <see cref="WireSerializer"/>: everything that
/// crosses machines or is stored in the journal. Each such type has an explicit manifest in <see cref="WireManifests"/>.
/// </summary>
public interface IWireMessage;
