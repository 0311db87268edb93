namespace SweepGrid.Store;

/// <summary>
/// The answer to a fenced write (<see cref="ITrialStore.CompleteAsync"/>, <see cref="ITrialStore.FailAsync"/>).
/// A rejected write stored nothing; a write that could not reach the database throws instead.
/// </summary>
/// <param name="IsAccepted">True when the write took effect (or had already taken effect).</param>
/// <param name="State">The trial's state after the call (for a rejection, its current state; null when the trial does not exist).</param>
/// <param name="RejectionReason">Why the write was rejected, or null.</param>
public sealed record LeaseWriteOutcome(bool IsAccepted, TrialState? State, string? RejectionReason)
{
    /// <summary>An accepted write that left the trial in <paramref name="state"/>.</summary>
    public static LeaseWriteOutcome Accepted(TrialState state) => new(true, state, null);

    /// <summary>A rejected write; the trial is in <paramref name="state"/>.</summary>
    public static LeaseWriteOutcome Rejected(TrialState? state, string reason) => new(false, state, reason);
}
