namespace SweepGrid.Actors;

/// <summary>
/// What an actor can do besides handling its message: know itself, spawn and watch actors, schedule
/// messages to itself, pipe async results back, stash, stop.
/// </summary>
/// <remarks>
/// Not thread-safe: use it only on the actor's own turn (inside ReceiveAsync, PreStartAsync,
/// PostStopAsync), never from a continuation of work that runs elsewhere; such work reports back
/// through <see cref="PipeTo{TResult}"/>. One context lives as long as the actor, across restarts.
/// </remarks>
/// <typeparam name="TMessage">The actor's protocol.</typeparam>
public sealed class ActorContext<TMessage>
{
    private readonly ActorCell<TMessage> cell;

    internal ActorContext(ActorCell<TMessage> cell) => this.cell = cell;

    /// <summary>This actor's own handle, to give to others or to tell itself.</summary>
    public ActorRef<TMessage> Self => cell.Ref;

    /// <summary>The parent, or <see langword="null"/> for an actor spawned by the system.</summary>
    public ActorRef? Parent => cell.Parent?.UntypedRef;

    /// <summary>The system the actor belongs to.</summary>
    public ActorSystem System => cell.System;

    /// <summary>The system's clock; use it instead of <see cref="DateTimeOffset.UtcNow"/> so tests control time.</summary>
    public TimeProvider TimeProvider => cell.System.TimeProvider;

    /// <summary>
    /// Cancelled when the actor starts stopping (or when shutdown gives up waiting). Pass it to work
    /// started for the actor, e.g. a training run piped back with <see cref="PipeTo{TResult}"/>. Not
    /// cancelled by restarts.
    /// </summary>
    public CancellationToken Stopping => cell.StoppingToken;

    /// <summary>The live children, in no particular order.</summary>
    public IReadOnlyList<ActorRef> Children => [.. cell.Children().Select(c => c.UntypedRef)];

    /// <summary>
    /// Starts a child. Children stop before their parent (and before a restart of the parent); during
    /// shutdown the parent keeps handling messages until its children have drained.
    /// </summary>
    /// <param name="name">Unique among this actor's live children; no '/'.</param>
    /// <param name="factory">Creates a fresh instance; called again for every restart.</param>
    /// <param name="options">Mailbox and supervision; <see langword="null"/> for defaults.</param>
    /// <exception cref="InvalidOperationException">The name is taken, or this actor is stopping.</exception>
    public ActorRef<TChild> Spawn<TChild>(string name, Func<Actor<TChild>> factory, ActorOptions? options = null) =>
        cell.SpawnChild(name, factory, options);

    /// <summary>
    /// Death watch: when <paramref name="other"/> stops (for any reason), <paramref name="terminated"/> is
    /// delivered to this actor, ahead of queued messages. Delivered at once if it has already stopped.
    /// Watching again replaces the message. Watches end when this actor restarts or stops.
    /// </summary>
    /// <param name="other">The actor to watch (often a child).</param>
    /// <param name="terminated">The message to receive, e.g. <c>new NodeStopped(node.Name)</c>.</param>
    public void Watch(ActorRef other, TMessage terminated)
    {
        ArgumentNullException.ThrowIfNull(other);
        cell.Watch(other.Cell, terminated);
    }

    /// <summary>Ends a watch; a notice not yet handled is discarded.</summary>
    /// <param name="other">The watched actor.</param>
    public void Unwatch(ActorRef other)
    {
        ArgumentNullException.ThrowIfNull(other);
        cell.Unwatch(other.Cell);
    }

    /// <summary>Sends <paramref name="message"/> to this actor once, after <paramref name="delay"/> on the system's clock.</summary>
    /// <param name="delay">Zero or positive.</param>
    /// <param name="message">The message to deliver.</param>
    /// <returns>A handle to cancel it; it is also cancelled when the actor stops or restarts.</returns>
    public ActorTimer ScheduleOnce(TimeSpan delay, TMessage message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return cell.Schedule(delay, Timeout.InfiniteTimeSpan, message);
    }

    /// <summary>Sends <paramref name="message"/> to this actor every <paramref name="interval"/>, the first time after one interval.</summary>
    /// <param name="interval">Positive.</param>
    /// <param name="message">The message to deliver each time.</param>
    /// <returns>A handle to cancel it; it is also cancelled when the actor stops or restarts.</returns>
    public ActorTimer ScheduleRepeatedly(TimeSpan interval, TMessage message) => ScheduleRepeatedly(interval, interval, message);

    /// <summary>Sends <paramref name="message"/> to this actor after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    /// <param name="initialDelay">Zero or positive.</param>
    /// <param name="interval">Positive.</param>
    /// <param name="message">The message to deliver each time.</param>
    public ActorTimer ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, TMessage message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return cell.Schedule(initialDelay, interval, message);
    }

    /// <summary>
    /// Delivers the outcome of <paramref name="task"/> (work running on another thread, such as a training)
    /// back to this actor as a message, so the actor's state is only ever touched on its own turn.
    /// </summary>
    /// <remarks>
    /// The mapping runs on the actor's turn once the task completes; the message goes ahead of queued ones
    /// and is never dropped by a full mailbox. A cancelled task maps through <paramref name="onFailure"/>
    /// with an <see cref="OperationCanceledException"/>. If the actor has stopped by then, the outcome is
    /// reported as undelivered. A mapping that throws counts as a failure of the actor.
    /// </remarks>
    /// <param name="task">The work.</param>
    /// <param name="onSuccess">Turns the result into a message (a fact, e.g. <c>TrialFinished</c>).</param>
    /// <param name="onFailure">Turns the error into a message (e.g. <c>TrialFailed</c> with the reason).</param>
    public void PipeTo<TResult>(Task<TResult> task, Func<TResult, TMessage> onSuccess, Func<Exception, TMessage> onFailure)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(onFailure);
        cell.PipeTo(
            task,
            () => task.IsCompletedSuccessfully ? onSuccess(task.Result) : onFailure(ErrorOf(task)),
            $"PipeTo result of {typeof(TResult).Name}");
    }

    /// <summary>As <see cref="PipeTo{TResult}"/>, for work without a result.</summary>
    /// <param name="task">The work.</param>
    /// <param name="onSuccess">Builds the message for success.</param>
    /// <param name="onFailure">Turns the error into a message.</param>
    public void PipeTo(Task task, Func<TMessage> onSuccess, Func<Exception, TMessage> onFailure)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(onFailure);
        cell.PipeTo(task, () => task.IsCompletedSuccessfully ? onSuccess() : onFailure(ErrorOf(task)), "PipeTo completion");
    }

    /// <summary>
    /// Puts the message being handled aside (with its ask, if any) until <see cref="UnstashAll"/>, e.g. while
    /// the actor waits for a lease. A restart returns stashed messages to the mailbox; a stop reports them undelivered.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside ReceiveAsync.</exception>
    public void Stash() => cell.Stash();

    /// <summary>Puts stashed messages back ahead of the mailbox, in the order they were stashed.</summary>
    public void UnstashAll() => cell.UnstashAll();

    /// <summary>Stops this actor once the current message is handled (see <see cref="ActorRef.Stop"/>).</summary>
    public void Stop() => cell.RequestStop();

    private static Exception ErrorOf(Task task) =>
        task.IsCanceled
            ? new OperationCanceledException("The piped task was cancelled.")
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerExceptions[0] : task.Exception;
}
