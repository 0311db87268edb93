using System.Threading.Channels;

namespace SweepGrid.Actors.Tests;

/// <summary>
/// Collects what actors report so a test can await it in order. The real-time limit is only a guard
/// against a hanging test; nothing waits for time to pass.
/// </summary>
public sealed class Probe<T>
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly Channel<T> items = Channel.CreateUnbounded<T>();

    public void Add(T item) => items.Writer.TryWrite(item);

    public async Task<T> NextAsync(string expected)
    {
        using var cancel = new CancellationTokenSource(Guard);
        try
        {
            return await items.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {expected}, but nothing arrived within {Guard.TotalSeconds} s.");
        }
    }

    public async Task<IReadOnlyList<T>> NextAsync(int count, string expected)
    {
        var received = new List<T>(count);
        for (var i = 0; i < count; i++)
            received.Add(await NextAsync($"{expected} (item {i + 1} of {count}, got [{string.Join(", ", received)}])"));
        return received;
    }

    /// <summary>Items already reported, without waiting.</summary>
    public IReadOnlyList<T> Drain()
    {
        var drained = new List<T>();
        while (items.Reader.TryRead(out var item))
            drained.Add(item);
        return drained;
    }
}
