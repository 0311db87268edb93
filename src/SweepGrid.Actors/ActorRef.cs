namespace SweepGrid.Actors;

/// <summary>
/// The untyped handle of an actor: identity, stopping and termination. Used where the message type
/// does not matter (death watch, children lists, logs). Thread-safe; one instance per actor, so
/// reference equality is actor identity.
/// </summary>
public abstract class ActorRef
{
    private protected ActorRef(ActorCell cell) => Cell = cell;

    /// <summary>The actor's name, unique among its siblings.</summary>
    public string Name => Cell.Name;

    /// <summary>The actor's path: its ancestors' names and its own, e.g. <c>/coordinator/node-1</c>.</summary>
    public string Path => Cell.Path;

    /// <summary>
    /// Completes once the actor has stopped: its children stopped, PostStop ran, its name is free again
    /// and its watchers have been notified. Never faults.
    /// </summary>
    public Task Stopped => Cell.Stopped;

    /// <summary>Whether <see cref="Stopped"/> has completed.</summary>
    public bool IsStopped => Cell.Stopped.IsCompleted;

    internal ActorCell Cell { get; }

    /// <summary>
    /// Asks the actor to stop after the message it is handling now (ahead of anything still queued;
    /// queued messages are reported as undelivered and pending asks fail). Idempotent; returns at once.
    /// </summary>
    public void Stop() => Cell.RequestStop();

    /// <summary>Requests <see cref="Stop"/> and waits for <see cref="Stopped"/>.</summary>
    public Task StopAsync()
    {
        Stop();
        return Stopped;
    }

    /// <inheritdoc />
    public override string ToString() => Path;
}
