namespace SweepGrid.Store;

/// <summary>
/// Where a trial is in the durable mailbox: <c>Pending</c> (waiting on dependencies) → <c>Queued</c> →
/// <c>Leased</c> → <c>Completed</c> | <c>Failed</c> | <c>Cancelled</c>. A retryable failure or an expired lease
/// moves a leased trial back to <c>Queued</c>.
/// </summary>
public enum TrialState
{
    /// <summary>Waiting for its dependencies to complete.</summary>
    Pending,
    /// <summary>Runnable; waiting for a node to lease it.</summary>
    Queued,
    /// <summary>A node holds a lease on it and is working on it.</summary>
    Leased,
    /// <summary>Its results are stored (terminal).</summary>
    Completed,
    /// <summary>It failed for good; <see cref="TrialRecord.LastError"/> says why (terminal).</summary>
    Failed,
    /// <summary>Every study it belongs to was cancelled (terminal until a study that contains it is submitted again).</summary>
    Cancelled,
}
