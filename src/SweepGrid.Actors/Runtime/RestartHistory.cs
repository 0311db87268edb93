namespace SweepGrid.Actors;

/// <summary>Restart times of one actor within its strategy's sliding window. Used on the actor's turn only.</summary>
internal sealed class RestartHistory(TimeSpan window)
{
    private readonly Queue<DateTimeOffset> restarts = new();

    public int CountWithin(DateTimeOffset now)
    {
        while (restarts.Count > 0 && now - restarts.Peek() >= window)
            restarts.Dequeue();
        return restarts.Count;
    }

    public void Record(DateTimeOffset now) => restarts.Enqueue(now);
}
