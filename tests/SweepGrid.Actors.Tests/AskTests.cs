namespace SweepGrid.Actors.Tests;

public sealed class AskTests : ActorTestBase
{
    private abstract record NodeMessage;
    private sealed record GetSlots(ReplyChannel<int> ReplyTo) : NodeMessage;
    private sealed record Ping(ReplyChannel<string> ReplyTo) : NodeMessage;
    private sealed record Crash(ReplyChannel<int> ReplyTo) : NodeMessage;

    private sealed class NodeActor(int slots, Probe<string>? received = null) : Actor<NodeMessage>
    {
        public override Task ReceiveAsync(NodeMessage message, ActorContext<NodeMessage> context)
        {
            received?.Add(message.GetType().Name);
            switch (message)
            {
                case GetSlots get:
                    get.ReplyTo.Reply(slots);
                    break;
                case Crash:
                    throw new InvalidOperationException("slot table corrupted");
            }
            // Ping is deliberately never answered.
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Ask_returns_the_actors_reply()
    {
        var node = System.Spawn("node-1", () => new NodeActor(slots: 4));

        var slots = await node.Ask<int>(reply => new GetSlots(reply), AskTimeout);

        Assert.Equal(4, slots);
    }

    [Fact]
    public async Task Ask_times_out_on_the_systems_clock_and_names_the_actor_the_message_and_the_wait()
    {
        var received = new Probe<string>();
        var node = System.Spawn("node-1", () => new NodeActor(slots: 4, received));

        var ask = node.Ask<string>(reply => new Ping(reply), TimeSpan.FromSeconds(5));
        await received.NextAsync("the Ping to reach the actor");
        Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(ask.IsCompleted, "the ask should still wait 1 ms before its 5 s timeout");
        Time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Equal("Ask to actor '/node-1' with message Ping got no reply within 5 s.", error.Message);
        Assert.Equal(("/node-1", "Ping", TimeSpan.FromSeconds(5)), (error.ActorPath, error.MessageType, error.Timeout));
    }

    [Fact]
    public async Task Ask_fails_with_the_actors_exception_when_the_handler_throws()
    {
        var node = System.Spawn("node-1", () => new NodeActor(slots: 4), new ActorOptions { Supervisor = SupervisorStrategy.ResumeOnFailure });

        var error = await Assert.ThrowsAsync<AskFailedException>(() => node.Ask<int>(reply => new Crash(reply), AskTimeout));

        Assert.Equal("slot table corrupted", error.InnerException?.Message);
        Assert.Contains("'/node-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Crash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_to_a_stopped_actor_fails_at_once_as_undelivered()
    {
        var node = System.Spawn("node-1", () => new NodeActor(slots: 4));
        await node.StopAsync();

        var error = await Assert.ThrowsAsync<MessageUndeliveredException>(() => node.Ask<int>(reply => new GetSlots(reply), AskTimeout));

        Assert.Equal(("/node-1", "GetSlots", "actor stopped"), (error.ActorPath, error.MessageType, error.Reason));
    }

    [Fact]
    public async Task Ask_can_be_cancelled_by_the_asker()
    {
        var node = System.Spawn("node-1", () => new NodeActor(slots: 4));
        using var cancel = new CancellationTokenSource();

        var ask = node.Ask<string>(reply => new Ping(reply), AskTimeout, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }
}
