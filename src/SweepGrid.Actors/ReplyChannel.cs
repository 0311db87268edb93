namespace SweepGrid.Actors;

/// <summary>
/// The way back to an asker: put it in a request message (<c>sealed record GetStatus(ReplyChannel&lt;NodeStatus&gt; ReplyTo)</c>)
/// and complete it exactly once with <see cref="Reply"/> or <see cref="Fail"/>.
/// </summary>
/// <remarks>
/// Thread-safe: it may be completed from any thread (e.g. after a PipeTo). The first completion wins;
/// later ones return <see langword="false"/>, as do completions after the asker's timeout. Tests that
/// step an actor directly can create one and read <see cref="Completion"/>.
/// </remarks>
/// <typeparam name="TReply">The reply type.</typeparam>
public sealed class ReplyChannel<TReply> : IReplyChannel
{
    // Continuations run asynchronously so a replying actor never executes the asker's code on its turn.
    private readonly TaskCompletionSource<TReply> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? timer;
    private CancellationTokenRegistration cancellation;
    private Func<Exception>? timeoutError;

    /// <summary>The asker's view: completes with the reply, the failure, a timeout or cancellation.</summary>
    public Task<TReply> Completion => completion.Task;

    /// <summary>Whether a reply, failure, timeout or cancellation has already completed the channel.</summary>
    public bool IsCompleted => completion.Task.IsCompleted;

    /// <summary>Sends the reply. Returns <see langword="false"/> when the channel was already completed.</summary>
    /// <param name="value">The reply.</param>
    public bool Reply(TReply value) => Release(completion.TrySetResult(value));

    /// <summary>Fails the ask with <paramref name="error"/>. Returns <see langword="false"/> when the channel was already completed.</summary>
    /// <param name="error">What the asker will see.</param>
    public bool Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Release(completion.TrySetException(error));
    }

    internal void Arm(TimeProvider time, TimeSpan timeout, Func<Exception> onTimeout, CancellationToken cancellationToken)
    {
        timeoutError = onTimeout;
        if (cancellationToken.CanBeCanceled)
            cancellation = cancellationToken.Register(static s => ((ReplyChannel<TReply>)s!).Cancel(), this);
        if (timeout != Timeout.InfiniteTimeSpan)
            timer = time.CreateTimer(static s => ((ReplyChannel<TReply>)s!).Expire(), this, timeout, Timeout.InfiniteTimeSpan);
        // The timer or token may have fired before the fields were set; release what is left.
        if (completion.Task.IsCompleted)
            Release(true);
    }

    private void Expire() => Fail(timeoutError!());

    private void Cancel() => Release(completion.TrySetCanceled());

    private bool Release(bool completed)
    {
        if (completed)
        {
            timer?.Dispose();
            // Unregister never blocks, unlike Dispose from inside the token's own callback.
            cancellation.Unregister();
        }
        return completed;
    }
}

/// <summary>Lets the runtime fail an ask without knowing its reply type.</summary>
internal interface IReplyChannel
{
    bool Fail(Exception error);
}
