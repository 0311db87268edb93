namespace SweepGrid.Actors.Tests;

public sealed class LifecycleTests : ActorTestBase
{
    private abstract record ParentMessage;
    private sealed record FailChild : ParentMessage;
    private sealed record ChildGone(string Name) : ParentMessage;

    [Fact]
    public async Task Stop_runs_PostStop_frees_the_name_and_refuses_later_messages()
    {
        var lifecycle = new Probe<string>();
        var actor = System.Spawn<int>("worker", () => new TestActor<int>(
            (n, _) => { lifecycle.Add($"handled {n}"); return Task.CompletedTask; },
            postStop: _ => { lifecycle.Add("PostStop"); return Task.CompletedTask; }));

        actor.Tell(1);
        Assert.Equal("handled 1", await lifecycle.NextAsync("message 1 before the stop"));
        await actor.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("PostStop", await lifecycle.NextAsync("PostStop"));
        Assert.False(actor.Tell(2), "a stopped actor should refuse messages");
        Assert.Equal("/worker", Assert.Single(Events.OfType<ActorStopped>()).ActorPath);
        var again = System.Spawn<int>("worker", () => new TestActor<int>((_, _) => Task.CompletedTask));
        Assert.NotSame(actor, again);
    }

    [Fact]
    public void Spawning_a_second_live_actor_with_the_same_name_is_refused()
    {
        System.Spawn<int>("coordinator", () => new TestActor<int>((_, _) => Task.CompletedTask));

        var error = Assert.Throws<InvalidOperationException>(() => System.Spawn<int>("coordinator", () => new TestActor<int>((_, _) => Task.CompletedTask)));

        Assert.Contains("'/coordinator' already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_watching_its_child_is_told_when_the_child_stops_after_a_failure()
    {
        var parentSaw = new Probe<string>();
        ActorRef<int>? child = null;
        var parent = System.Spawn<ParentMessage>("coordinator", () => new TestActor<ParentMessage>(
            (message, _) =>
            {
                switch (message)
                {
                    case FailChild:
                        child!.Tell(-1);
                        break;
                    case ChildGone gone:
                        parentSaw.Add(gone.Name);
                        break;
                }
                return Task.CompletedTask;
            },
            preStart: context =>
            {
                child = context.Spawn<int>(
                    "node-1",
                    () => new TestActor<int>((n, _) => n < 0 ? throw new InvalidOperationException("GPU lost") : Task.CompletedTask),
                    new ActorOptions { Supervisor = SupervisorStrategy.StopOnFailure });
                context.Watch(child, new ChildGone("node-1"));
                return Task.CompletedTask;
            }));

        parent.Tell(new FailChild());

        Assert.Equal("node-1", await parentSaw.NextAsync("the parent to hear that node-1 stopped"));
        Assert.True(child!.IsStopped, "the child should have stopped");
        Assert.Equal("/coordinator/node-1", child.Path);
    }

    [Fact]
    public async Task Watching_an_actor_that_has_already_stopped_notifies_at_once()
    {
        var gone = System.Spawn<int>("gone", () => new TestActor<int>((_, _) => Task.CompletedTask));
        await gone.StopAsync();
        var notices = new Probe<string>();

        System.Spawn<string>("watcher", () => new TestActor<string>(
            (notice, _) => { notices.Add(notice); return Task.CompletedTask; },
            preStart: context => { context.Watch(gone, "gone stopped"); return Task.CompletedTask; }));

        Assert.Equal("gone stopped", await notices.NextAsync("the death-watch notice"));
    }

    [Fact]
    public async Task Children_stop_before_their_parent()
    {
        var order = new Probe<string>();
        var parent = System.Spawn<int>("parent", () => new TestActor<int>(
            (_, _) => Task.CompletedTask,
            preStart: context =>
            {
                context.Spawn<int>("child", () => new TestActor<int>(
                    (_, _) => Task.CompletedTask,
                    postStop: _ => { order.Add("child PostStop"); return Task.CompletedTask; }));
                return Task.CompletedTask;
            },
            postStop: _ => { order.Add("parent PostStop"); return Task.CompletedTask; }));
        await Events.WaitForAsync<ActorStarted>(e => e.ActorPath == "/parent/child");

        await parent.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["child PostStop", "parent PostStop"], order.Drain());
    }

    [Fact]
    public async Task Shutdown_lets_each_actor_handle_what_is_queued_before_it_stops()
    {
        var gate = new TaskCompletionSource();
        var log = new Probe<string>();
        var actor = System.Spawn<int>("node", () => new TestActor<int>(
            async (n, _) =>
            {
                log.Add($"handled {n}");
                if (n == 1)
                    await gate.Task;
            },
            postStop: _ => { log.Add("PostStop"); return Task.CompletedTask; }));
        for (var n = 1; n <= 5; n++)
            actor.Tell(n);
        await log.NextAsync("message 1 to be in flight");

        var shutdown = System.ShutdownAsync(TimeSpan.FromSeconds(30));
        Assert.False(shutdown.IsCompleted, "shutdown should wait for the in-flight message");
        gate.SetResult();
        await shutdown.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["handled 2", "handled 3", "handled 4", "handled 5", "PostStop"], log.Drain());
        Assert.Empty(Events.OfType<MessageUndelivered>());
        Assert.Throws<InvalidOperationException>(() => System.Spawn<int>("late", () => new TestActor<int>((_, _) => Task.CompletedTask)));
    }

    [Fact]
    public async Task Shutdown_drains_children_first_and_their_parent_still_receives_their_last_messages()
    {
        var gate = new TaskCompletionSource();
        var log = new Probe<string>();
        var parent = System.Spawn<string>("coordinator", () => new TestActor<string>(
            (report, _) => { log.Add(report); return Task.CompletedTask; },
            preStart: context =>
            {
                var coordinator = context.Self;
                var node = context.Spawn<int>("node-1", () => new TestActor<int>(
                    async (n, _) =>
                    {
                        if (n == 1)
                            await gate.Task;
                        coordinator.Tell($"trial {n} done");
                    },
                    postStop: _ => { log.Add("node PostStop"); return Task.CompletedTask; }));
                for (var n = 1; n <= 3; n++)
                    node.Tell(n);
                return Task.CompletedTask;
            },
            postStop: _ => { log.Add("coordinator PostStop"); return Task.CompletedTask; }));
        await Events.WaitForAsync<ActorStarted>(e => e.ActorPath == "/coordinator/node-1");

        var shutdown = System.ShutdownAsync(TimeSpan.FromSeconds(30));
        gate.SetResult();
        await shutdown.WaitAsync(TimeSpan.FromSeconds(10));

        // The node's PostStop may interleave with the coordinator handling its reports; what matters is
        // that every report reached the coordinator before the coordinator itself stopped.
        var entries = log.Drain();
        Assert.Equal(["trial 1 done", "trial 2 done", "trial 3 done"], entries.Where(e => e.StartsWith("trial", StringComparison.Ordinal)));
        Assert.Contains("node PostStop", entries);
        Assert.Equal("coordinator PostStop", entries[^1]);
        Assert.True(parent.IsStopped, "the coordinator should have stopped");
    }

    [Fact]
    public async Task Shutdown_gives_up_at_the_timeout_names_the_busy_actor_and_cancels_its_work()
    {
        var entered = new Probe<string>();
        var stuck = System.Spawn<string>("slot-1", () => new TestActor<string>(
            async (message, context) =>
            {
                entered.Add(message);
                try
                {
                    await Task.Delay(Timeout.Infinite, context.Stopping);
                }
                catch (OperationCanceledException)
                {
                    entered.Add("cancelled");
                }
            }));
        stuck.Tell("Train");
        await entered.NextAsync("the training message to be in flight");

        var shutdown = System.ShutdownAsync(TimeSpan.FromSeconds(5));
        Time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<ActorShutdownTimeoutException>(() => shutdown);
        Assert.Equal("Actor system 'test' did not stop within 5 s; still running: /slot-1 (handling String).", error.Message);
        Assert.Equal("cancelled", await entered.NextAsync("the in-flight work to see its Stopping token cancelled"));
        await stuck.Stopped.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
