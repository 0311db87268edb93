using SweepGrid.Store;

namespace SweepGrid.Orchestration.Execution;

/// <summary>How one leased trial ended on a slot; a failure is a value with a reason, never an exception crossing actors.</summary>
public abstract record TrialOutcome
{
    private TrialOutcome()
    {
    }

    /// <summary>Results to write under the lease (and weights already stored as an artifact).</summary>
    public sealed record Completed(TrialResults Results) : TrialOutcome;

    /// <summary>A failure; retryable ones are requeued until the trial's attempts run out.</summary>
    public sealed record Failed(string Reason, bool Retryable) : TrialOutcome;

    /// <summary>Stopped because the study was cancelled or the node is shutting down; the lease lapses.</summary>
    public sealed record Cancelled(string Reason) : TrialOutcome;
}
