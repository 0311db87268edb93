namespace SweepGrid.Store;

/// <summary>
/// A node's claim on one trial, returned by <see cref="ITrialStore.LeaseNextAsync"/>. The token fences every
/// later write: once the lease is reaped or the trial re-leased, writes with this lease are rejected.
/// </summary>
/// <param name="TrialId">The trial leased.</param>
/// <param name="Kind">What to run.</param>
/// <param name="DefinitionJson">The trial definition as JSON text.</param>
/// <param name="WeightsKey">Where the trial's weights go (or come from), or null.</param>
/// <param name="NodeId">The node holding the lease.</param>
/// <param name="Token">The lease's random token (fencing).</param>
/// <param name="Attempt">1 for the first lease of the trial, 2 for the second, …</param>
/// <param name="Until">When the lease ends unless extended by a heartbeat.</param>
public sealed record Lease(
    string TrialId,
    string Kind,
    string DefinitionJson,
    string? WeightsKey,
    string NodeId,
    Guid Token,
    int Attempt,
    DateTimeOffset Until);
