using SweepGrid.Store;

namespace SweepGrid.Orchestration.Execution;

/// <summary>
/// Runs one leased trial to an outcome. Called on a slot's own thread, one trial at a time per slot;
/// implementations must be safe to call from several slots at once.
/// </summary>
public interface ITrialExecutor
{
    /// <param name="lease">The trial to run (its definition JSON and weights key).</param>
    /// <param name="progress">Reports progress (epoch, loss, samples/s) for heartbeats and the live display.</param>
    /// <param name="cancellation">Cancelled when the study is cancelled or the node drains.</param>
    TrialOutcome Execute(Lease lease, Action<TrialProgress> progress, CancellationToken cancellation);
}
