namespace SweepGrid.Store;

/// <summary>The answer to a heartbeat.</summary>
public enum HeartbeatOutcome
{
    /// <summary>The lease was extended; keep working.</summary>
    Ok,
    /// <summary>The lease is no longer this node's (reaped, re-leased or finished); stop, and expect writes to be rejected.</summary>
    LeaseLost,
    /// <summary>The trial's studies were cancelled; the trial is now cancelled and the node should stop.</summary>
    CancelRequested,
}
