namespace SweepGrid.Actors;

/// <summary>
/// Runtime traffic on an actor's unbounded control channel, read before user messages so that stop
/// requests, restarts and results that must not be lost never wait behind (or get dropped by) a full mailbox.
/// </summary>
internal abstract record ControlMessage<TMessage>;

/// <summary>Stop after the current message; the rest of the mailbox is undelivered.</summary>
internal sealed record StopNow<TMessage> : ControlMessage<TMessage>;

/// <summary>Shutdown: cancel timers, handle what is queued, wait for children, then stop.</summary>
internal sealed record Drain<TMessage> : ControlMessage<TMessage>;

/// <summary>The restart backoff has elapsed; create the new instance.</summary>
internal sealed record BackoffElapsed<TMessage> : ControlMessage<TMessage>;

/// <summary>A child has stopped; wakes a draining parent that waits for its children.</summary>
internal sealed record ChildStopped<TMessage> : ControlMessage<TMessage>;

/// <summary>A message produced on the actor's turn (PipeTo results), queued ahead of the mailbox.</summary>
/// <param name="Produce">Builds the message; it runs on the actor's turn.</param>
/// <param name="Description">Used when it has to be reported as undelivered.</param>
internal sealed record Deliver<TMessage>(Func<TMessage> Produce, string Description) : ControlMessage<TMessage>;

/// <summary>A watched actor has stopped; delivered only if the watch is still in place.</summary>
internal sealed record WatchedStopped<TMessage>(ActorCell Target, TMessage Message) : ControlMessage<TMessage>;
