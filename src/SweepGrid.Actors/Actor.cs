namespace SweepGrid.Actors;

/// <summary>
/// Base class of an actor: a thin shell that receives one message at a time, decides (ideally
/// through a pure <see cref="IDecider{TState, TCommand, TEvent}"/>), performs effects and keeps
/// the resulting state in its fields.
/// </summary>
/// <remarks>
/// <para>
/// Threading: the runtime never calls <see cref="ReceiveAsync"/>, <see cref="PreStartAsync"/>
/// or <see cref="PostStopAsync"/> of one instance concurrently, and the next call starts only
/// after the task of the previous one has completed. Fields therefore need no locks; code that
/// runs elsewhere (a continuation of a training task, a timer) must not touch them and should
/// report back with <see cref="ActorContext{TMessage}.PipeTo{TResult}"/> instead.
/// </para>
/// <para>
/// Lifecycle: <see cref="PreStartAsync"/> runs before the first message; <see cref="PostStopAsync"/>
/// runs once for every created instance, when the actor stops and before a restart replaces the
/// instance. An exception from <see cref="ReceiveAsync"/> or <see cref="PreStartAsync"/> is handed
/// to the actor's <see cref="SupervisorStrategy"/>; the failing message is never redelivered.
/// </para>
/// </remarks>
/// <typeparam name="TMessage">The actor's protocol: usually an abstract record with sealed record commands.</typeparam>
public abstract class Actor<TMessage>
{
    /// <summary>Handles one message. The returned task must complete before the next message is handed over.</summary>
    /// <param name="message">The message, in mailbox order.</param>
    /// <param name="context">The actor's context; only valid on the actor's own turn (not thread-safe).</param>
    public abstract Task ReceiveAsync(TMessage message, ActorContext<TMessage> context);

    /// <summary>Runs before the first message of this instance (at spawn and after each restart). Schedule timers and spawn children here.</summary>
    /// <param name="context">The actor's context.</param>
    public virtual Task PreStartAsync(ActorContext<TMessage> context) => Task.CompletedTask;

    /// <summary>
    /// Runs once when this instance is retired: when the actor stops, or before a restart replaces it.
    /// By then its timers are cancelled and its children stopped. Exceptions are reported, not supervised.
    /// </summary>
    /// <param name="context">The actor's context.</param>
    public virtual Task PostStopAsync(ActorContext<TMessage> context) => Task.CompletedTask;
}
