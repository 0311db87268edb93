namespace SweepGrid.Actors.Tests;

/// <summary>A fresh actor system per test, on a manual clock, recording every actor event.</summary>
public abstract class ActorTestBase : IAsyncLifetime
{
    protected ActorTestBase()
    {
        Time = new ManualTimeProvider();
        Events = new EventLog();
        System = new ActorSystem("test", new ActorSystemOptions { TimeProvider = Time, Observer = Events.Record });
    }

    protected ManualTimeProvider Time { get; }

    protected EventLog Events { get; }

    protected ActorSystem System { get; }

    /// <summary>Ask timeouts in tests run on the manual clock, so they only fire when a test advances it.</summary>
    protected static TimeSpan AskTimeout { get; } = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The manual clock never reaches the shutdown timeout; the real-time guard keeps a broken test from hanging.
        await System.ShutdownAsync(TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
