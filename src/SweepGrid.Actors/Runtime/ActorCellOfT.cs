using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace SweepGrid.Actors;

/// <summary>
/// A running actor: its mailbox, its control channel and the loop that hands messages to the current
/// instance one at a time. Everything not marked thread-safe is touched only by the loop.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The stopping token's source has no timer and no wait handle, so it holds nothing to release; disposing it would race with Abort from shutdown.")]
internal sealed partial class ActorCell<TMessage> : ActorCell
{
    private readonly Func<Actor<TMessage>> factory;
    private readonly SupervisorStrategy strategy;
    private readonly Channel<Envelope<TMessage>> mailbox;
    private readonly Channel<ControlMessage<TMessage>> control;
    private readonly ActorContext<TMessage> context;
    private readonly RestartHistory restarts;
    private readonly CancellationTokenSource stopping = new();

    // Messages that go ahead of the mailbox: unstashed ones and control deliveries (PipeTo, death watch).
    private Queue<Envelope<TMessage>> front = new();
    private readonly List<Envelope<TMessage>> stash = [];
    private readonly HashSet<ActorCell> watching = [];

    private Actor<TMessage>? instance;
    private Phase phase = Phase.Starting;
    private bool draining;
    private volatile bool accepting = true;
    private volatile string? currentMessageType;
    private Envelope<TMessage>? current;
    private ITimer? backoffTimer;
    private Task<bool>? controlWait;
    private Task<bool>? mailboxWait;

    public ActorCell(ActorSystem system, ActorCell? parent, string name, Func<Actor<TMessage>> factory, ActorOptions options)
        : base(system, parent, name)
    {
        this.factory = factory;
        strategy = options.Supervisor ?? system.Options.DefaultSupervisor;
        restarts = new RestartHistory(strategy.Window);
        mailbox = options.MailboxCapacity is { } capacity
            ? Channel.CreateBounded<Envelope<TMessage>>(
                new BoundedChannelOptions(capacity)
                {
                    FullMode = options.Overflow == MailboxOverflow.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
                },
                dropped => Undelivered(dropped, "mailbox full, oldest message dropped"))
            : Channel.CreateUnbounded<Envelope<TMessage>>();
        control = Channel.CreateUnbounded<ControlMessage<TMessage>>();
        Ref = new ActorRef<TMessage>(this);
        context = new ActorContext<TMessage>(this);
    }

    private enum Phase { Starting, Running, Suspended, Stopping, Stopped }

    public ActorRef<TMessage> Ref { get; }

    public override ActorRef UntypedRef => Ref;

    public override string? CurrentMessageType => currentMessageType;

    public CancellationToken StoppingToken => stopping.Token;

    public Envelope<TMessage>? Current => current;

    public void Start() => _ = Task.Run(RunAsync);

    /// <summary>Thread-safe. Queues a user message, reporting it as undelivered when refused.</summary>
    public bool Post(Envelope<TMessage> envelope)
    {
        if (mailbox.Writer.TryWrite(envelope))
            return true;
        Undelivered(envelope, accepting ? "mailbox full" : "actor stopped");
        return false;
    }

    /// <summary>Thread-safe. Waits for room in a bounded mailbox; false when the actor has stopped.</summary>
    public async ValueTask<bool> PostAsync(Envelope<TMessage> envelope, CancellationToken cancellationToken)
    {
        try
        {
            await mailbox.Writer.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            Undelivered(envelope, "actor stopped");
            return false;
        }
    }

    /// <summary>Thread-safe. Control messages are refused only once the actor has stopped.</summary>
    public bool PostControl(ControlMessage<TMessage> message) => control.Writer.TryWrite(message);

    public override void RequestStop() => PostControl(new StopNow<TMessage>());

    public override void RequestDrain() => PostControl(new Drain<TMessage>());

    public override void Abort()
    {
        CancelStoppingToken();
        RequestStop();
    }

    protected override void OnChildStopped() => PostControl(new ChildStopped<TMessage>());

    private async Task RunAsync()
    {
        try
        {
            await StartInstanceAsync(restarted: false).ConfigureAwait(false);
            while (phase is not (Phase.Stopping or Phase.Stopped))
            {
                if (control.Reader.TryRead(out var signal))
                {
                    await HandleControlAsync(signal).ConfigureAwait(false);
                    continue;
                }
                if (phase == Phase.Running)
                {
                    if (front.TryDequeue(out var next) || mailbox.Reader.TryRead(out next))
                    {
                        await ProcessAsync(next).ConfigureAwait(false);
                        continue;
                    }
                    // A draining parent outlives its children so their last messages still reach it.
                    if (draining && !HasChildren())
                    {
                        await StopAsync().ConfigureAwait(false);
                        break;
                    }
                }
                await WaitForWorkAsync().ConfigureAwait(false);
            }
        }
        catch (Exception error) when (phase != Phase.Stopped)
        {
            // Only a defect of the runtime itself gets here; end the actor rather than hang its watchers.
            Report(new ActorFailed(Path, Now, ActorFailureStage.Receive, currentMessageType, error, SupervisorDirective.Stop, 0, null, false));
            await StopAsync().ConfigureAwait(false);
        }
    }

    private async Task WaitForWorkAsync()
    {
        // The wait tasks are kept across iterations: a fresh WaitToReadAsync per idle spell would leave
        // one abandoned waiter behind on the other channel each time.
        if (controlWait is null || controlWait.IsCompleted)
            controlWait = control.Reader.WaitToReadAsync().AsTask();
        if (phase != Phase.Running)
        {
            await controlWait.ConfigureAwait(false);
            return;
        }
        if (mailboxWait is null || mailboxWait.IsCompleted)
            mailboxWait = mailbox.Reader.WaitToReadAsync().AsTask();
        await Task.WhenAny(controlWait, mailboxWait).ConfigureAwait(false);
    }

    private async Task HandleControlAsync(ControlMessage<TMessage> signal)
    {
        switch (signal)
        {
            case StopNow<TMessage>:
                await StopAsync().ConfigureAwait(false);
                break;
            case Drain<TMessage>:
                draining = true;
                CancelTimers();
                foreach (var child in Children())
                    child.RequestDrain();
                if (phase == Phase.Suspended)
                    await StopAsync().ConfigureAwait(false);
                break;
            case BackoffElapsed<TMessage> when phase == Phase.Suspended:
                await StartInstanceAsync(restarted: true).ConfigureAwait(false);
                break;
            case Deliver<TMessage> deliver:
                await DeliverAsync(deliver).ConfigureAwait(false);
                break;
            case WatchedStopped<TMessage> stopped when watching.Remove(stopped.Target):
                front.Enqueue(new Envelope<TMessage>(stopped.Message));
                break;
            default:
                // ChildStopped only wakes the loop; stale backoffs and watches are ignored.
                break;
        }
    }

    private async Task DeliverAsync(Deliver<TMessage> deliver)
    {
        TMessage message;
        try
        {
            message = deliver.Produce();
        }
        catch (Exception error)
        {
            await HandleFailureAsync(error, ActorFailureStage.Receive, deliver.Description).ConfigureAwait(false);
            return;
        }
        front.Enqueue(new Envelope<TMessage>(message));
    }

    private async Task ProcessAsync(Envelope<TMessage> envelope)
    {
        if (envelope.Timer is { } timer && !timer.TryDeliver())
            return;
        var messageType = Durations.TypeName(envelope.Message);
        current = envelope;
        currentMessageType = messageType;
        Exception? failure = null;
        try
        {
            await instance!.ReceiveAsync(envelope.Message, context).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            failure = error;
        }
        finally
        {
            current = null;
            currentMessageType = null;
        }
        if (failure is not null)
        {
            envelope.Reply?.Fail(new AskFailedException(Path, messageType, failure));
            await HandleFailureAsync(failure, ActorFailureStage.Receive, messageType).ConfigureAwait(false);
        }
    }

    private DateTimeOffset Now => System.TimeProvider.GetUtcNow();

    private void Report(ActorEvent actorEvent) => System.Report(actorEvent);

    private void Undelivered(Envelope<TMessage> envelope, string reason)
    {
        if (envelope.Timer is { IsActive: false })
            return; // a cancelled timer's message is not a loss
        var messageType = Durations.TypeName(envelope.Message);
        envelope.Reply?.Fail(new MessageUndeliveredException(Path, messageType, reason));
        Report(new MessageUndelivered(Path, Now, messageType, reason));
    }
}
