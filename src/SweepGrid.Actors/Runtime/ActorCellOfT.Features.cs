namespace SweepGrid.Actors;

/// <summary>What <see cref="ActorContext{TMessage}"/> offers: children, death watch, timers, PipeTo, stash.</summary>
internal sealed partial class ActorCell<TMessage>
{
    private readonly object timersGate = new();
    private readonly HashSet<ActorTimer> timers = [];

    public ActorRef<TChild> SpawnChild<TChild>(string name, Func<Actor<TChild>> childFactory, ActorOptions? options)
    {
        if (phase is Phase.Stopping or Phase.Stopped)
            throw new InvalidOperationException($"Actor '{Path}' is stopping and cannot spawn '{name}'.");
        var child = System.SpawnCell(this, name, childFactory, options);
        // A draining parent waits for all its children, so a child born now must drain too.
        if (draining)
            child.Cell.RequestDrain();
        return child;
    }

    public void Watch(ActorCell target, TMessage message)
    {
        if (target == this)
            throw new ArgumentException($"Actor '{Path}' cannot watch itself.", nameof(target));
        watching.Add(target);
        if (!target.TryAddWatcher(this, () => PostControl(new WatchedStopped<TMessage>(target, message))))
            PostControl(new WatchedStopped<TMessage>(target, message));
    }

    public void Unwatch(ActorCell target)
    {
        watching.Remove(target);
        target.RemoveWatcher(this);
    }

    private void UnwatchAll()
    {
        foreach (var target in watching)
            target.RemoveWatcher(this);
        watching.Clear();
    }

    public ActorTimer Schedule(TimeSpan dueTime, TimeSpan period, TMessage message)
    {
        var repeating = period != Timeout.InfiniteTimeSpan;
        var timer = new ActorTimer(repeating, ReleaseTimer);
        lock (timersGate)
            timers.Add(timer);
        timer.Attach(System.TimeProvider.CreateTimer(
            _ =>
            {
                if (timer.IsActive)
                    Post(new Envelope<TMessage>(message, timer));
            },
            null, dueTime, period));
        return timer;
    }

    private void ReleaseTimer(ActorTimer timer)
    {
        lock (timersGate)
            timers.Remove(timer);
    }

    private void CancelTimers()
    {
        ActorTimer[] active;
        lock (timersGate)
            active = [.. timers];
        foreach (var timer in active)
            timer.Cancel();
    }

    public void PipeTo(Task task, Func<TMessage> produce, string description) =>
        _ = DeliverWhenCompleteAsync(task, produce, description);

    private async Task DeliverWhenCompleteAsync(Task task, Func<TMessage> produce, string description)
    {
        // The outcome is inspected by `produce` on the actor's turn, so nothing is thrown here.
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!PostControl(new Deliver<TMessage>(produce, description)))
            Report(new MessageUndelivered(Path, Now, description, "actor stopped"));
    }

    public void Stash()
    {
        if (current is not { } envelope)
            throw new InvalidOperationException($"Actor '{Path}' can only stash while handling a message.");
        stash.Add(envelope);
    }

    public void UnstashAll()
    {
        if (stash.Count == 0)
            return;
        var reordered = new Queue<Envelope<TMessage>>(stash.Count + front.Count);
        foreach (var envelope in stash)
            reordered.Enqueue(envelope);
        foreach (var envelope in front)
            reordered.Enqueue(envelope);
        stash.Clear();
        front = reordered;
    }
}
