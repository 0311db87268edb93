namespace SweepGrid.Actors;

/// <summary>
/// A message scheduled by <see cref="ActorContext{TMessage}.ScheduleOnce"/> or
/// <see cref="ActorContext{TMessage}.ScheduleRepeatedly(TimeSpan, TMessage)"/>.
/// </summary>
/// <remarks>
/// Once <see cref="Cancel"/> has returned on the actor's turn, the actor receives no further message
/// from this timer, not even one already queued. Timers are cancelled automatically when the actor
/// stops or restarts, and when shutdown starts draining it. Thread-safe.
/// </remarks>
public sealed class ActorTimer
{
    private readonly Action<ActorTimer> release;
    private ITimer? timer;
    private volatile bool active = true;

    internal ActorTimer(bool repeating, Action<ActorTimer> release)
    {
        IsRepeating = repeating;
        this.release = release;
    }

    /// <summary>Whether the timer fires more than once.</summary>
    public bool IsRepeating { get; }

    /// <summary><see langword="false"/> once cancelled, or once a one-shot timer's message was handed to the actor.</summary>
    public bool IsActive => active;

    /// <summary>Stops the timer and discards its queued message, if any. Idempotent.</summary>
    public void Cancel()
    {
        active = false;
        timer?.Dispose();
        release(this);
    }

    internal void Attach(ITimer created)
    {
        timer = created;
        if (!active)
            created.Dispose();
    }

    /// <summary>Called on the actor's turn before the message is handled; false means drop it.</summary>
    internal bool TryDeliver()
    {
        if (!active)
            return false;
        if (!IsRepeating)
            Cancel();
        return true;
    }
}
