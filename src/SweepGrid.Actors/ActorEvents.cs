namespace SweepGrid.Actors;

/// <summary>A lifecycle fact reported to <see cref="ActorSystemOptions.Observer"/>.</summary>
/// <param name="ActorPath">Path of the actor concerned, e.g. <c>/coordinator/node-1</c>; <c>/</c> for the system itself.</param>
/// <param name="Timestamp">When it happened, on the system's <see cref="TimeProvider"/>.</param>
public abstract record ActorEvent(string ActorPath, DateTimeOffset Timestamp);

/// <summary>An actor instance finished <see cref="Actor{TMessage}.PreStartAsync"/> and takes messages.</summary>
/// <param name="ActorPath">Path of the actor concerned.</param>
/// <param name="Timestamp">When it happened, on the system's clock.</param>
public sealed record ActorStarted(string ActorPath, DateTimeOffset Timestamp) : ActorEvent(ActorPath, Timestamp);

/// <summary>A fresh instance replaced a failed one and finished PreStart.</summary>
/// <param name="RestartsInWindow">Restarts counted in the strategy's window, this one included.</param>
/// <param name="ActorPath">Path of the actor concerned.</param>
/// <param name="Timestamp">When it happened, on the system's clock.</param>
public sealed record ActorRestarted(string ActorPath, DateTimeOffset Timestamp, int RestartsInWindow) : ActorEvent(ActorPath, Timestamp);

/// <summary>An actor threw; says where, on which message and what the supervisor did about it.</summary>
/// <param name="Stage">Where the exception came from.</param>
/// <param name="MessageType">Type name of the message being handled, or <see langword="null"/> outside <see cref="ActorFailureStage.Receive"/>.</param>
/// <param name="Exception">The exception.</param>
/// <param name="Directive">What was done; <see langword="null"/> for failures that are only reported (PostStop).</param>
/// <param name="RestartsInWindow">For <see cref="SupervisorDirective.Restart"/>: the number of this restart within the window.</param>
/// <param name="Backoff">For <see cref="SupervisorDirective.Restart"/>: how long the actor waits before the new instance starts.</param>
/// <param name="RestartLimitReached"><see langword="true"/> when a restart was asked for but the limit was reached, so the actor stops.</param>
/// <param name="ActorPath">Path of the actor concerned.</param>
/// <param name="Timestamp">When it happened, on the system's clock.</param>
public sealed record ActorFailed(
    string ActorPath,
    DateTimeOffset Timestamp,
    ActorFailureStage Stage,
    string? MessageType,
    Exception Exception,
    SupervisorDirective? Directive,
    int RestartsInWindow,
    TimeSpan? Backoff,
    bool RestartLimitReached) : ActorEvent(ActorPath, Timestamp);

/// <summary>An actor stopped: PostStop ran, its children had stopped before, watchers are being notified.</summary>
/// <param name="ActorPath">Path of the actor concerned.</param>
/// <param name="Timestamp">When it happened, on the system's clock.</param>
public sealed record ActorStopped(string ActorPath, DateTimeOffset Timestamp) : ActorEvent(ActorPath, Timestamp);

/// <summary>A message never reached its actor (a dead letter).</summary>
/// <param name="MessageType">Type name of the message, or a description for internal deliveries such as PipeTo results.</param>
/// <param name="Reason">Why: the actor had stopped, or its bounded mailbox was full.</param>
/// <param name="ActorPath">Path of the actor concerned.</param>
/// <param name="Timestamp">When it happened, on the system's clock.</param>
public sealed record MessageUndelivered(string ActorPath, DateTimeOffset Timestamp, string MessageType, string Reason) : ActorEvent(ActorPath, Timestamp);

/// <summary>Shutdown gave up waiting; the listed actors were told to stop after their current message.</summary>
/// <param name="StillRunning">Paths of the actors still running, each with the message type it was handling, if any.</param>
/// <param name="ActorPath">Always <c>/</c>: the system itself.</param>
/// <param name="Timestamp">When it happened, on the system's clock.</param>
public sealed record ShutdownTimedOut(string ActorPath, DateTimeOffset Timestamp, IReadOnlyList<string> StillRunning) : ActorEvent(ActorPath, Timestamp);

/// <summary>Where an actor failure came from.</summary>
public enum ActorFailureStage
{
    /// <summary>The factory threw or returned null; the actor stops.</summary>
    Create,

    /// <summary><see cref="Actor{TMessage}.PreStartAsync"/> threw; supervised like a message failure.</summary>
    PreStart,

    /// <summary><see cref="Actor{TMessage}.ReceiveAsync"/> threw, or a PipeTo mapping threw.</summary>
    Receive,

    /// <summary><see cref="Actor{TMessage}.PostStopAsync"/> threw; reported only.</summary>
    PostStop,
}
