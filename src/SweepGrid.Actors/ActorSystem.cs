namespace SweepGrid.Actors;

/// <summary>
/// Owns a tree of actors in this process, the clock they use, and their orderly shutdown.
/// </summary>
/// <remarks>
/// Thread-safe. Each actor handles one message at a time on the thread pool; the system adds no
/// threads of its own. Shutdown drains: every actor first handles what is already in its mailbox
/// (new messages are still accepted while it drains; timers are cancelled), children stop before
/// their parents, and PostStop runs for each; after the timeout the remaining actors are told to
/// stop after their current message and their <see cref="ActorContext{TMessage}.Stopping"/> token is
/// cancelled. An actor waiting out a restart backoff when shutdown begins stops at once (its queued
/// messages are reported undelivered). Work started with PipeTo is not waited for: it should watch the
/// Stopping token, and a result that arrives after the actor stopped is reported undelivered.
/// </remarks>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<string, ActorCell> actors = new(StringComparer.Ordinal);
    private bool shuttingDown;

    /// <summary>Creates an empty system.</summary>
    /// <param name="name">For messages and logs, e.g. <c>"sweepgrid"</c>.</param>
    /// <param name="options">Clock, default supervision, observer; <see langword="null"/> for defaults.</param>
    public ActorSystem(string name, ActorSystemOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Options = options ?? new ActorSystemOptions();
        ArgumentNullException.ThrowIfNull(Options.TimeProvider, nameof(options));
        ArgumentNullException.ThrowIfNull(Options.DefaultSupervisor, nameof(options));
        Options.DefaultSupervisor.Validate();
        Name = name;
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>The settings it was created with.</summary>
    public ActorSystemOptions Options { get; }

    /// <summary>The clock of timers, ask timeouts, backoff and shutdown.</summary>
    public TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>The live top-level actors, in no particular order.</summary>
    public IReadOnlyList<ActorRef> Actors
    {
        get
        {
            lock (gate)
                return [.. actors.Values.Select(c => c.UntypedRef)];
        }
    }

    /// <summary>Starts a top-level actor. It runs PreStart, then handles messages; messages told meanwhile are queued.</summary>
    /// <param name="name">Unique among live top-level actors; no '/'.</param>
    /// <param name="factory">Creates a fresh instance; called again for every restart.</param>
    /// <param name="options">Mailbox and supervision; <see langword="null"/> for defaults.</param>
    /// <exception cref="InvalidOperationException">The name is taken, or shutdown has begun.</exception>
    public ActorRef<TMessage> Spawn<TMessage>(string name, Func<Actor<TMessage>> factory, ActorOptions? options = null) =>
        SpawnCell(null, name, factory, options);

    /// <summary>
    /// Drains and stops every actor (see the class remarks) and waits up to <paramref name="timeout"/>
    /// on the system's clock. Safe to call more than once; later calls wait again.
    /// </summary>
    /// <param name="timeout">How long to wait for the actors to drain.</param>
    /// <param name="cancellationToken">Abandons the wait (shutdown itself carries on).</param>
    /// <exception cref="ActorShutdownTimeoutException">Some actors were still running at the deadline; they have been told to stop.</exception>
    public async Task ShutdownAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ActorCell[] topLevel;
        lock (gate)
        {
            shuttingDown = true;
            topLevel = [.. actors.Values];
        }
        foreach (var cell in topLevel)
            cell.RequestDrain();
        try
        {
            await Task.WhenAll(topLevel.Select(c => c.Stopped)).WaitAsync(timeout, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var stillRunning = new List<string>();
            foreach (var cell in Descendants(topLevel))
            {
                if (cell.Stopped.IsCompleted)
                    continue;
                stillRunning.Add(cell.CurrentMessageType is { } handling ? $"{cell.Path} (handling {handling})" : cell.Path);
                cell.Abort();
            }
            throw new ActorShutdownTimeoutException(Name, timeout, stillRunning);
        }
    }

    /// <summary>
    /// Shuts down with <see cref="ActorSystemOptions.ShutdownTimeout"/>. Does not throw on timeout: the
    /// still-running actors are reported as <see cref="ShutdownTimedOut"/> to the observer instead.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ShutdownAsync(Options.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (ActorShutdownTimeoutException timedOut)
        {
            Report(new ShutdownTimedOut("/", TimeProvider.GetUtcNow(), timedOut.StillRunning));
        }
    }

    internal ActorRef<TMessage> SpawnCell<TMessage>(ActorCell? parent, string name, Func<Actor<TMessage>> factory, ActorOptions? options)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(factory);
        options ??= ActorOptions.Default;
        options.Validate();

        var cell = new ActorCell<TMessage>(this, parent, name, factory, options);
        if (parent is null)
        {
            lock (gate)
            {
                if (shuttingDown)
                    throw new InvalidOperationException($"Actor system '{Name}' is shutting down; cannot spawn '{name}'.");
                if (!actors.TryAdd(name, cell))
                    throw new InvalidOperationException($"Actor '/{name}' already exists in system '{Name}'; top-level names must be unique.");
            }
        }
        else
        {
            parent.AddChild(cell);
        }
        cell.Start();
        return cell.Ref;
    }

    internal void Remove(ActorCell cell)
    {
        lock (gate)
        {
            if (actors.TryGetValue(cell.Name, out var current) && current == cell)
                actors.Remove(cell.Name);
        }
    }

    internal void Report(ActorEvent actorEvent)
    {
        try
        {
            Options.Observer?.Invoke(actorEvent);
        }
        catch (Exception)
        {
            // An observer (logging, metrics) must never break the actor that reports to it.
        }
    }

    private static IEnumerable<ActorCell> Descendants(IEnumerable<ActorCell> roots)
    {
        foreach (var cell in roots)
        {
            yield return cell;
            foreach (var descendant in Descendants(cell.Children()))
                yield return descendant;
        }
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"Actor name '{name}' must not contain '/'.", nameof(name));
    }
}
