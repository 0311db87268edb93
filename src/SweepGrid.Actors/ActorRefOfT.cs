namespace SweepGrid.Actors;

/// <summary>
/// The handle through which others talk to an actor whose protocol is <typeparamref name="TMessage"/>.
/// Thread-safe: any thread may tell or ask.
/// </summary>
/// <remarks>
/// Ordering: messages from one sender (one thread, or one actor's turns) are handled in the order they
/// were sent; messages from different senders interleave. Runtime deliveries (PipeTo results,
/// death-watch notices) and unstashed messages go ahead of the queued ones.
/// </remarks>
/// <typeparam name="TMessage">The actor's protocol.</typeparam>
public sealed class ActorRef<TMessage> : ActorRef
{
    internal ActorRef(ActorCell<TMessage> cell) : base(cell) => TypedCell = cell;

    internal ActorCell<TMessage> TypedCell { get; }

    /// <summary>
    /// Queues <paramref name="message"/> without waiting. Returns <see langword="false"/> when it was
    /// refused (the actor has stopped, or its bounded mailbox is full under
    /// <see cref="MailboxOverflow.Reject"/>); the refusal is also reported as <see cref="MessageUndelivered"/>.
    /// <see langword="true"/> means queued, not handled.
    /// </summary>
    /// <param name="message">The message.</param>
    public bool Tell(TMessage message) => TypedCell.Post(new Envelope<TMessage>(message));

    /// <summary>
    /// Queues <paramref name="message"/>, waiting for room when a bounded mailbox is full (back-pressure).
    /// Same as <see cref="Tell"/> for unbounded mailboxes. Returns <see langword="false"/> when the actor has stopped.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Stops waiting for room.</param>
    public ValueTask<bool> TellAsync(TMessage message, CancellationToken cancellationToken = default) =>
        TypedCell.PostAsync(new Envelope<TMessage>(message), cancellationToken);

    /// <summary>
    /// Sends a request built around a fresh <see cref="ReplyChannel{TReply}"/> and waits for the reply.
    /// </summary>
    /// <example><c>var status = await node.Ask&lt;NodeStatus&gt;(reply =&gt; new GetStatus(reply), TimeSpan.FromSeconds(5));</c></example>
    /// <param name="createMessage">Builds the request around the reply channel.</param>
    /// <param name="timeout">How long to wait, on the system's <see cref="TimeProvider"/>; positive or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Abandons the wait (the task is cancelled); the message may still be handled.</param>
    /// <returns>
    /// The reply. Fails with <see cref="AskTimeoutException"/> (naming the actor, the message type and the wait)
    /// when no reply came in time, <see cref="MessageUndeliveredException"/> when the message was refused or
    /// the actor stopped before handling it, <see cref="AskFailedException"/> when the handler threw, or
    /// with whatever the actor passed to <see cref="ReplyChannel{TReply}.Fail"/>.
    /// </returns>
    public Task<TReply> Ask<TReply>(Func<ReplyChannel<TReply>, TMessage> createMessage, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(createMessage);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The ask timeout must be positive or infinite.");

        var reply = new ReplyChannel<TReply>();
        var message = createMessage(reply);
        var messageType = Durations.TypeName(message);
        var path = Path;
        reply.Arm(TypedCell.System.TimeProvider, timeout, () => new AskTimeoutException(path, messageType, timeout), cancellationToken);
        TypedCell.Post(new Envelope<TMessage>(message, Reply: reply));
        return reply.Completion;
    }
}
