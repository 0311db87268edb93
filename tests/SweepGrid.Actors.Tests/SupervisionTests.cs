namespace SweepGrid.Actors.Tests;

public sealed class SupervisionTests : ActorTestBase
{
    private abstract record CounterMessage;
    private sealed record Add : CounterMessage;
    private sealed record Fail : CounterMessage;
    private sealed record Get(ReplyChannel<int> ReplyTo) : CounterMessage;

    /// <summary>Counts Adds; every instance gets a number so tests can tell instances apart.</summary>
    private sealed class CounterActor(int instance, Probe<string> lifecycle) : Actor<CounterMessage>
    {
        private int count;

        public override Task ReceiveAsync(CounterMessage message, ActorContext<CounterMessage> context)
        {
            switch (message)
            {
                case Add:
                    count++;
                    break;
                case Fail:
                    throw new InvalidOperationException($"counter #{instance} failed at {count}");
                case Get get:
                    get.ReplyTo.Reply(count);
                    break;
            }
            return Task.CompletedTask;
        }

        public override Task PreStartAsync(ActorContext<CounterMessage> context)
        {
            lifecycle.Add($"PreStart #{instance}");
            return Task.CompletedTask;
        }

        public override Task PostStopAsync(ActorContext<CounterMessage> context)
        {
            lifecycle.Add($"PostStop #{instance}");
            return Task.CompletedTask;
        }
    }

    private ActorRef<CounterMessage> SpawnCounter(Probe<string> lifecycle, SupervisorStrategy strategy)
    {
        var instances = 0;
        return System.Spawn("counter", () => new CounterActor(++instances, lifecycle), new ActorOptions { Supervisor = strategy });
    }

    [Fact]
    public async Task Restart_replaces_the_instance_resets_its_state_and_keeps_the_mailbox()
    {
        var lifecycle = new Probe<string>();
        var counter = SpawnCounter(lifecycle, SupervisorStrategy.Default);

        counter.Tell(new Add());
        counter.Tell(new Add());
        counter.Tell(new Fail());
        counter.Tell(new Add());
        var count = counter.Ask<int>(reply => new Get(reply), AskTimeout);
        var failure = await Events.WaitForAsync<ActorFailed>();
        Time.Advance(failure.Backoff!.Value);

        Assert.Equal(1, await count);
        Assert.Equal(["PreStart #1", "PostStop #1", "PreStart #2"], await lifecycle.NextAsync(3, "the lifecycle around one restart"));
        Assert.Equal(
            ("/counter", ActorFailureStage.Receive, "Fail", SupervisorDirective.Restart, "counter #1 failed at 2"),
            (failure.ActorPath, failure.Stage, failure.MessageType, failure.Directive, failure.Exception.Message));
    }

    [Fact]
    public async Task Restart_backoff_doubles_on_the_clock_and_too_many_restarts_stop_the_actor()
    {
        var lifecycle = new Probe<string>();
        var strategy = new SupervisorStrategy { MinBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(10), MaxRestarts = 4 };
        var counter = SpawnCounter(lifecycle, strategy);
        TimeSpan[] expected = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];

        for (var restart = 1; restart <= expected.Length; restart++)
        {
            counter.Tell(new Fail());
            var failure = await Events.WaitForAsync<ActorFailed>(occurrence: restart);
            Assert.True(failure.Backoff == expected[restart - 1], $"restart {restart}: expected backoff {expected[restart - 1]}, got {failure.Backoff}");
            Assert.Equal(restart, failure.RestartsInWindow);

            Time.Advance(expected[restart - 1] - TimeSpan.FromMilliseconds(1));
            Assert.True(Time.PendingDueIn.SequenceEqual([TimeSpan.FromMilliseconds(1)]), $"restart {restart}: the new instance should still wait 1 ms, pending timers: [{string.Join(", ", Time.PendingDueIn)}]");
            Time.Advance(TimeSpan.FromMilliseconds(1));
            await Events.WaitForAsync<ActorRestarted>(occurrence: restart);
        }
        counter.Tell(new Fail());

        var last = await Events.WaitForAsync<ActorFailed>(occurrence: expected.Length + 1);
        await counter.Stopped.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(last.Directive == SupervisorDirective.Stop && last.RestartLimitReached,
            $"expected the fifth failure to stop the actor (4 restarts allowed), got {last}");
    }

    [Fact]
    public async Task Restarts_outside_the_window_are_forgotten_so_the_backoff_starts_over()
    {
        var lifecycle = new Probe<string>();
        var strategy = new SupervisorStrategy { MaxRestarts = 2, Window = TimeSpan.FromMinutes(1) };
        var counter = SpawnCounter(lifecycle, strategy);

        for (var restart = 1; restart <= 2; restart++)
        {
            counter.Tell(new Fail());
            var failure = await Events.WaitForAsync<ActorFailed>(occurrence: restart);
            Time.Advance(failure.Backoff!.Value);
            await Events.WaitForAsync<ActorRestarted>(occurrence: restart);
        }
        Time.Advance(TimeSpan.FromMinutes(1));
        counter.Tell(new Fail());

        var third = await Events.WaitForAsync<ActorFailed>(occurrence: 3);
        Assert.Equal((SupervisorDirective.Restart, 1, TimeSpan.FromMilliseconds(100)), (third.Directive!.Value, third.RestartsInWindow, third.Backoff!.Value));
    }

    [Fact]
    public void Backoff_grows_exponentially_and_is_capped()
    {
        var strategy = new SupervisorStrategy { MinBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(10) };

        Assert.Equal(
            [100, 200, 400, 800, 1_600, 3_200, 6_400, 10_000, 10_000],
            new[] { 1, 2, 3, 4, 5, 6, 7, 8, 1_000 }.Select(n => strategy.BackoffFor(n).TotalMilliseconds));
    }

    [Fact]
    public async Task Resume_keeps_the_state_and_drops_only_the_failing_message()
    {
        var lifecycle = new Probe<string>();
        var counter = SpawnCounter(lifecycle, SupervisorStrategy.ResumeOnFailure);

        counter.Tell(new Add());
        counter.Tell(new Fail());
        counter.Tell(new Add());
        var count = await counter.Ask<int>(reply => new Get(reply), AskTimeout);

        Assert.Equal(2, count);
        Assert.Equal(["PreStart #1"], lifecycle.Drain());
        Assert.Equal(SupervisorDirective.Resume, Assert.Single(Events.OfType<ActorFailed>()).Directive);
    }

    [Fact]
    public async Task Stop_directive_runs_PostStop_and_reports_queued_messages_undelivered()
    {
        var lifecycle = new Probe<string>();
        var counter = SpawnCounter(lifecycle, SupervisorStrategy.StopOnFailure);

        counter.Tell(new Fail());
        counter.Tell(new Add());
        await counter.Stopped.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["PreStart #1", "PostStop #1"], lifecycle.Drain());
        Assert.False(counter.Tell(new Add()), "a stopped actor should refuse messages");
        Assert.All(Events.OfType<MessageUndelivered>(), e => Assert.Equal(("Add", "actor stopped"), (e.MessageType, e.Reason)));
        Assert.Equal(SupervisorDirective.Stop, Assert.Single(Events.OfType<ActorFailed>()).Directive);
    }

    [Fact]
    public async Task A_failing_PreStart_is_supervised_like_a_failing_message()
    {
        var attempts = 0;
        var started = new Probe<int>();
        var actor = System.Spawn<int>("flaky", () => new TestActor<int>(
            (_, _) => Task.CompletedTask,
            preStart: _ =>
            {
                if (++attempts == 1)
                    throw new InvalidOperationException("store not reachable yet");
                started.Add(attempts);
                return Task.CompletedTask;
            }));

        var failure = await Events.WaitForAsync<ActorFailed>();
        Time.Advance(failure.Backoff!.Value);

        Assert.Equal(2, await started.NextAsync("the second instance to start after the backoff"));
        Assert.Equal((ActorFailureStage.PreStart, SupervisorDirective.Restart), (failure.Stage, failure.Directive!.Value));
        Assert.False(actor.IsStopped, "the actor should be running after a successful restart");
    }
}
