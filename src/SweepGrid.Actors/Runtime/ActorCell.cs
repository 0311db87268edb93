namespace SweepGrid.Actors;

/// <summary>
/// The untyped part of a running actor: identity, children, death watch and termination. Child and
/// watcher lists are guarded by a lock because other actors' threads read and change them.
/// </summary>
internal abstract class ActorCell
{
    private readonly object gate = new();
    private readonly Dictionary<string, ActorCell> children = new(StringComparer.Ordinal);
    private readonly List<(ActorCell Watcher, Action Notify)> watchers = [];
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool terminated;

    protected ActorCell(ActorSystem system, ActorCell? parent, string name)
    {
        System = system;
        Parent = parent;
        Name = name;
        Path = (parent?.Path ?? string.Empty) + "/" + name;
    }

    public ActorSystem System { get; }

    public ActorCell? Parent { get; }

    public string Name { get; }

    public string Path { get; }

    public Task Stopped => stopped.Task;

    public abstract ActorRef UntypedRef { get; }

    /// <summary>Type name of the message being handled right now, for shutdown reports; racy by nature.</summary>
    public abstract string? CurrentMessageType { get; }

    public abstract void RequestStop();

    public abstract void RequestDrain();

    /// <summary>Cancels the actor's stopping token and asks it to stop after its current message.</summary>
    public abstract void Abort();

    protected abstract void OnChildStopped();

    public void AddChild(ActorCell child)
    {
        lock (gate)
        {
            if (!children.TryAdd(child.Name, child))
                throw new InvalidOperationException($"Actor '{child.Path}' already exists; names must be unique among siblings.");
        }
    }

    public ActorCell[] Children()
    {
        lock (gate)
            return [.. children.Values];
    }

    public bool HasChildren()
    {
        lock (gate)
            return children.Count > 0;
    }

    /// <summary>Registers <paramref name="watcher"/>; false if this actor has already terminated (the caller notifies at once).</summary>
    public bool TryAddWatcher(ActorCell watcher, Action notify)
    {
        lock (gate)
        {
            if (terminated)
                return false;
            watchers.RemoveAll(w => w.Watcher == watcher);
            watchers.Add((watcher, notify));
            return true;
        }
    }

    public void RemoveWatcher(ActorCell watcher)
    {
        lock (gate)
            watchers.RemoveAll(w => w.Watcher == watcher);
    }

    /// <summary>Last step of stopping: free the name, notify watchers, complete <see cref="Stopped"/>.</summary>
    protected void CompleteTermination()
    {
        if (Parent is null)
            System.Remove(this);
        else
            Parent.RemoveChild(this);

        (ActorCell Watcher, Action Notify)[] toNotify;
        lock (gate)
        {
            terminated = true;
            toNotify = [.. watchers];
            watchers.Clear();
        }
        foreach (var (_, notify) in toNotify)
            notify();
        stopped.TrySetResult();
    }

    private void RemoveChild(ActorCell child)
    {
        lock (gate)
        {
            if (children.TryGetValue(child.Name, out var current) && current == child)
                children.Remove(child.Name);
        }
        OnChildStopped();
    }
}
