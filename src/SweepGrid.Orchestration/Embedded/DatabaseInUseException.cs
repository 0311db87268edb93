using SweepGrid.Store;

namespace SweepGrid.Orchestration.Embedded;

/// <summary>Another live process coordinates this database; the message names it.</summary>
public sealed class DatabaseInUseException(string message) : StoreException(message);
