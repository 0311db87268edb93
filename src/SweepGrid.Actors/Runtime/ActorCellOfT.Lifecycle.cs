namespace SweepGrid.Actors;

/// <summary>Start, supervision (resume, restart with backoff, stop) and the stop sequence.</summary>
internal sealed partial class ActorCell<TMessage>
{
    private async Task StartInstanceAsync(bool restarted)
    {
        phase = Phase.Starting;
        try
        {
            instance = factory() ?? throw new InvalidOperationException($"The factory of actor '{Path}' returned null.");
        }
        catch (Exception error)
        {
            Report(new ActorFailed(Path, Now, ActorFailureStage.Create, null, error, SupervisorDirective.Stop, 0, null, false));
            await StopAsync().ConfigureAwait(false);
            return;
        }
        try
        {
            await instance.PreStartAsync(context).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            await HandleFailureAsync(error, ActorFailureStage.PreStart, null).ConfigureAwait(false);
            return;
        }
        phase = Phase.Running;
        Report(restarted ? new ActorRestarted(Path, Now, restarts.CountWithin(Now)) : new ActorStarted(Path, Now));
    }

    private async Task HandleFailureAsync(Exception error, ActorFailureStage stage, string? messageType)
    {
        SupervisorDirective directive;
        try
        {
            directive = strategy.Decider(error);
        }
        catch (Exception deciderError)
        {
            directive = SupervisorDirective.Stop;
            error = new AggregateException($"The supervisor decider of actor '{Path}' threw while handling a failure.", error, deciderError);
        }

        switch (directive)
        {
            case SupervisorDirective.Resume:
                Report(new ActorFailed(Path, Now, stage, messageType, error, directive, 0, null, false));
                if (phase == Phase.Starting)
                {
                    phase = Phase.Running;
                    Report(new ActorStarted(Path, Now));
                }
                break;
            case SupervisorDirective.Restart:
                await RestartAsync(error, stage, messageType).ConfigureAwait(false);
                break;
            default:
                Report(new ActorFailed(Path, Now, stage, messageType, error, SupervisorDirective.Stop, 0, null, false));
                await StopAsync().ConfigureAwait(false);
                break;
        }
    }

    private async Task RestartAsync(Exception error, ActorFailureStage stage, string? messageType)
    {
        var now = Now;
        var previous = restarts.CountWithin(now);
        if (previous >= strategy.MaxRestarts)
        {
            Report(new ActorFailed(Path, now, stage, messageType, error, SupervisorDirective.Stop, previous, null, true));
            await StopAsync().ConfigureAwait(false);
            return;
        }
        var backoff = strategy.BackoffFor(previous + 1);
        restarts.Record(now);
        phase = Phase.Suspended;
        // The timer exists before the failure is reported, so whoever reacts to the report (a test
        // advancing a manual clock) cannot miss it. If it fires during PostStop, the loop sees it after.
        backoffTimer?.Dispose();
        backoffTimer = System.TimeProvider.CreateTimer(
            static state => ((ActorCell<TMessage>)state!).PostControl(new BackoffElapsed<TMessage>()),
            this, backoff, Timeout.InfiniteTimeSpan);
        Report(new ActorFailed(Path, now, stage, messageType, error, SupervisorDirective.Restart, previous + 1, backoff, false));
        await RetireInstanceAsync(stopChildrenByDraining: false).ConfigureAwait(false);
    }

    /// <summary>
    /// Retires the current instance: timers, watches and children go, stashed messages return to the
    /// front of the mailbox (a restart keeps the mailbox), then PostStop.
    /// </summary>
    private async Task RetireInstanceAsync(bool stopChildrenByDraining)
    {
        CancelTimers();
        UnwatchAll();
        var children = Children();
        foreach (var child in children)
        {
            if (stopChildrenByDraining)
                child.RequestDrain();
            else
                child.RequestStop();
        }
        await Task.WhenAll(children.Select(c => c.Stopped)).ConfigureAwait(false);

        if (stash.Count > 0)
            UnstashAll();

        var retired = instance;
        instance = null;
        if (retired is null)
            return;
        try
        {
            await retired.PostStopAsync(context).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Report(new ActorFailed(Path, Now, ActorFailureStage.PostStop, null, error, null, 0, null, false));
        }
    }

    /// <summary>Stops the actor; idempotent. Runs on the loop, which ends afterwards.</summary>
    private async Task StopAsync()
    {
        if (phase is Phase.Stopping or Phase.Stopped)
            return;
        phase = Phase.Stopping;
        accepting = false;
        CancelStoppingToken();
        backoffTimer?.Dispose();

        await RetireInstanceAsync(stopChildrenByDraining: draining).ConfigureAwait(false);

        mailbox.Writer.TryComplete();
        control.Writer.TryComplete();
        while (front.TryDequeue(out var queued) || mailbox.Reader.TryRead(out queued))
            Undelivered(queued, "actor stopped");
        while (control.Reader.TryRead(out var signal))
        {
            if (signal is Deliver<TMessage> deliver)
                Report(new MessageUndelivered(Path, Now, deliver.Description, "actor stopped"));
        }

        phase = Phase.Stopped;
        Report(new ActorStopped(Path, Now));
        CompleteTermination();
    }

    private void CancelStoppingToken()
    {
        try
        {
            stopping.Cancel();
        }
        catch (AggregateException error)
        {
            // A callback registered on the token threw; that is the registrant's bug, not a reason to stop stopping.
            Report(new ActorFailed(Path, Now, ActorFailureStage.PostStop, null, error, null, 0, null, false));
        }
    }
}
