using System.Text.Json.Serialization;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Execution;

/// <summary>How one leased trial ended on a slot; a failure is a value with a reason, never an exception crossing actors.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(Completed), "completed")]
[JsonDerivedType(typeof(Failed), "failed")]
[JsonDerivedType(typeof(Cancelled), "cancelled")]
public abstract record TrialOutcome
{
    private TrialOutcome()
    {
    }

    /// <summary>Results to write under the lease (and weights already stored as an artifact).</summary>
    public sealed record Completed(TrialResults Results) : TrialOutcome;

    /// <summary>A failure; retryable ones are requeued until the trial's attempts run out.</summary>
    public sealed record Failed(string Reason, bool Retryable) : TrialOutcome;

    /// <summary>Stopped because the study was cancelled or the node is shutting down; it is handed back without spending an attempt.</summary>
    public sealed record Cancelled(string Reason) : TrialOutcome;
}
