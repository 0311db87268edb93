namespace SweepGrid.Actors.Tests;

public sealed class TimerTests : ActorTestBase
{
    private abstract record HeartbeatMessage;
    private sealed record Beat : HeartbeatMessage;
    private sealed record Ping : HeartbeatMessage;
    private sealed record StopBeating : HeartbeatMessage;
    private sealed record Block(Task Gate) : HeartbeatMessage;

    /// <summary>Heartbeats every 10 s from PreStart, like a node extending its leases.</summary>
    private sealed class HeartbeatActor(Probe<string> log) : Actor<HeartbeatMessage>
    {
        private ActorTimer? heartbeat;

        public override Task PreStartAsync(ActorContext<HeartbeatMessage> context)
        {
            heartbeat = context.ScheduleRepeatedly(TimeSpan.FromSeconds(10), new Beat());
            return Task.CompletedTask;
        }

        public override async Task ReceiveAsync(HeartbeatMessage message, ActorContext<HeartbeatMessage> context)
        {
            switch (message)
            {
                case Beat:
                    log.Add("beat");
                    break;
                case Ping:
                    log.Add("ping");
                    break;
                case StopBeating:
                    heartbeat!.Cancel();
                    log.Add("stopped beating");
                    break;
                case Block block:
                    log.Add("blocked");
                    await block.Gate;
                    heartbeat!.Cancel();
                    break;
            }
        }
    }

    private async Task<ActorRef<HeartbeatMessage>> StartHeartbeatAsync(Probe<string> log)
    {
        var actor = System.Spawn("node", () => new HeartbeatActor(log));
        await Events.WaitForAsync<ActorStarted>();
        return actor;
    }

    [Fact]
    public async Task ScheduleOnce_delivers_after_the_delay_on_the_systems_clock()
    {
        var log = new Probe<string>();
        System.Spawn<string>("reaper", () => new TestActor<string>(
            (message, _) => { log.Add(message); return Task.CompletedTask; },
            preStart: context => { context.ScheduleOnce(TimeSpan.FromSeconds(30), "reap expired leases"); return Task.CompletedTask; }));
        await Events.WaitForAsync<ActorStarted>();

        Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal([TimeSpan.FromSeconds(1)], Time.PendingDueIn);
        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("reap expired leases", await log.NextAsync("the scheduled message at 30 s"));
        Assert.Empty(Time.PendingDueIn);
    }

    [Fact]
    public async Task ScheduleRepeatedly_fires_every_interval_until_cancelled()
    {
        var log = new Probe<string>();
        var actor = await StartHeartbeatAsync(log);

        Time.Advance(TimeSpan.FromSeconds(10));
        Time.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal(["beat", "beat", "beat"], await log.NextAsync(3, "three beats in 35 s (at 10, 20 and 30 s)"));
        Assert.Equal([TimeSpan.FromSeconds(5)], Time.PendingDueIn);

        actor.Tell(new StopBeating());
        Assert.Equal("stopped beating", await log.NextAsync("the timer to be cancelled"));
        Time.Advance(TimeSpan.FromMinutes(1));
        actor.Tell(new Ping());

        Assert.Equal("ping", await log.NextAsync("a ping, and no beat after the cancel"));
        Assert.Empty(Time.PendingDueIn);
    }

    [Fact]
    public async Task Cancel_discards_a_tick_that_is_already_queued()
    {
        var log = new Probe<string>();
        var actor = await StartHeartbeatAsync(log);
        var gate = new TaskCompletionSource();

        actor.Tell(new Block(gate.Task));
        Assert.Equal("blocked", await log.NextAsync("the actor to be busy"));
        Time.Advance(TimeSpan.FromSeconds(10));
        actor.Tell(new Ping());
        gate.SetResult();

        Assert.Equal("ping", await log.NextAsync("the ping; the beat queued before it was cancelled must not arrive"));
    }

    [Fact]
    public async Task Timers_stop_with_the_actor()
    {
        var log = new Probe<string>();
        var actor = await StartHeartbeatAsync(log);
        Assert.Single(Time.PendingDueIn);

        await actor.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(Time.PendingDueIn);
    }
}
