namespace SweepGrid.Actors;

/// <summary>Settings of an <see cref="ActorSystem"/>.</summary>
public sealed class ActorSystemOptions
{
    /// <summary>Clock for timers, ask timeouts, restart backoff and the shutdown timeout. Default <see cref="TimeProvider.System"/>; tests pass a manual clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Strategy for actors spawned without <see cref="ActorOptions.Supervisor"/>. Default <see cref="SupervisorStrategy.Default"/>.</summary>
    public SupervisorStrategy DefaultSupervisor { get; init; } = SupervisorStrategy.Default;

    /// <summary>
    /// Receives lifecycle facts (<see cref="ActorFailed"/>, <see cref="MessageUndelivered"/>, …), e.g. to
    /// forward them to a logger or metrics. Called synchronously from actor threads, possibly
    /// concurrently: it must be thread-safe and quick. Exceptions it throws are swallowed.
    /// </summary>
    public Action<ActorEvent>? Observer { get; init; }

    /// <summary>How long <see cref="ActorSystem.DisposeAsync"/> waits for actors to drain. Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
