namespace SweepGrid.Actors.Tests;

/// <summary>An observer that records actor events and lets a test await a specific one.</summary>
public sealed class EventLog
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly object gate = new();
    private readonly List<ActorEvent> events = [];
    private readonly List<(Func<ActorEvent, bool> Match, TaskCompletionSource<ActorEvent> Found)> waiters = [];

    public void Record(ActorEvent actorEvent)
    {
        lock (gate)
        {
            events.Add(actorEvent);
            foreach (var waiter in waiters.Where(w => w.Match(actorEvent)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Found.TrySetResult(actorEvent);
            }
        }
    }

    public IReadOnlyList<ActorEvent> All
    {
        get
        {
            lock (gate)
                return [.. events];
        }
    }

    public IReadOnlyList<TEvent> OfType<TEvent>() where TEvent : ActorEvent => [.. All.OfType<TEvent>()];

    /// <summary>Waits for the <paramref name="occurrence"/>-th event of the type that matches, counting ones already recorded.</summary>
    public async Task<TEvent> WaitForAsync<TEvent>(Func<TEvent, bool>? match = null, int occurrence = 1) where TEvent : ActorEvent
    {
        var seen = 0;
        var found = new TaskCompletionSource<ActorEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            foreach (var e in events)
            {
                if (e is TEvent typed && (match?.Invoke(typed) ?? true) && ++seen == occurrence)
                    return typed;
            }
            waiters.Add((e => e is TEvent typed && (match?.Invoke(typed) ?? true) && ++seen == occurrence, found));
        }
        try
        {
            return (TEvent)await found.Task.WaitAsync(Guard);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"Expected {typeof(TEvent).Name} #{occurrence} within {Guard.TotalSeconds} s; events so far: {string.Join("; ", All)}");
        }
    }
}
