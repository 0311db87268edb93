namespace SweepGrid.Actors;

/// <summary>
/// How an actor's failures are handled: a decider maps the exception to a
/// <see cref="SupervisorDirective"/>; restarts back off exponentially and are limited per time window.
/// </summary>
/// <remarks>
/// The n-th restart within <see cref="Window"/> (n = 1, 2, …) waits
/// <c>min(MinBackoff × 2^(n−1), MaxBackoff)</c> before the new instance starts; while waiting, the
/// actor takes no messages (they stay in the mailbox) but can still be stopped. A failure that would
/// cause restart number <see cref="MaxRestarts"/> + 1 within the window stops the actor instead.
/// Restarts older than the window are forgotten, so the backoff also shrinks back. Time is read from
/// the system's <see cref="TimeProvider"/>. Instances are immutable and may be shared.
/// </remarks>
public sealed class SupervisorStrategy
{
    /// <summary>Restart on any exception, 100 ms → 10 s backoff, at most 10 restarts per minute.</summary>
    public static SupervisorStrategy Default { get; } = new();

    /// <summary>Stop on any exception.</summary>
    public static SupervisorStrategy StopOnFailure { get; } = new() { Decider = static _ => SupervisorDirective.Stop };

    /// <summary>Resume (keep state, drop the message) on any exception.</summary>
    public static SupervisorStrategy ResumeOnFailure { get; } = new() { Decider = static _ => SupervisorDirective.Resume };

    /// <summary>Maps a failure to a directive; called on the failing actor's turn. If it throws, the actor stops. Default: always <see cref="SupervisorDirective.Restart"/>.</summary>
    public Func<Exception, SupervisorDirective> Decider { get; init; } = static _ => SupervisorDirective.Restart;

    /// <summary>Backoff before the first restart in a window. Default 100 ms; must be positive.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Cap of the exponential backoff. Default 10 s; must be at least <see cref="MinBackoff"/>.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Restarts allowed within <see cref="Window"/> before the actor is stopped. Default 10; zero means a failure that asks for a restart stops the actor.</summary>
    public int MaxRestarts { get; init; } = 10;

    /// <summary>Sliding window over which restarts are counted. Default 1 minute; must be positive.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before restart number <paramref name="restart"/> (1-based) within the window.</summary>
    /// <param name="restart">1 for the first restart in the window, 2 for the second, …</param>
    public TimeSpan BackoffFor(int restart)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(restart, 1);
        // Doubles cannot overflow here the way ticks × 2^n would for long-failing actors.
        var ticks = MinBackoff.Ticks * Math.Pow(2, Math.Min(restart - 1, 62));
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Decider);
        if (MinBackoff <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MinBackoff), MinBackoff, "MinBackoff must be positive.");
        if (MaxBackoff < MinBackoff)
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "MaxBackoff must be at least MinBackoff.");
        if (MaxRestarts < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxRestarts), MaxRestarts, "MaxRestarts must not be negative.");
        if (Window <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "Window must be positive.");
    }
}
