namespace SweepGrid.Actors.Tests;

public sealed class MailboxTests : ActorTestBase
{
    private abstract record Work;
    private sealed record Item(int Sender, int Sequence) : Work;
    private sealed record Report(ReplyChannel<(int Handled, int MaxConcurrent, bool InOrder)> ReplyTo) : Work;

    /// <summary>Records how many handlers run at once and whether each sender's sequence arrives in order.</summary>
    private sealed class RecordingActor : Actor<Work>
    {
        private readonly Dictionary<int, int> lastSequence = [];
        private int inside;
        private int maxConcurrent;
        private int handled;
        private bool inOrder = true;

        public override async Task ReceiveAsync(Work message, ActorContext<Work> context)
        {
            var concurrent = Interlocked.Increment(ref inside);
            maxConcurrent = Math.Max(maxConcurrent, concurrent);
            // Hop threads mid-message so a second concurrent handler would have every chance to overlap.
            await Task.Yield();
            switch (message)
            {
                case Item item:
                    handled++;
                    if (lastSequence.TryGetValue(item.Sender, out var last) && item.Sequence != last + 1)
                        inOrder = false;
                    lastSequence[item.Sender] = item.Sequence;
                    break;
                case Report report:
                    report.ReplyTo.Reply((handled, maxConcurrent, inOrder));
                    break;
            }
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        }
    }

    [Fact]
    public async Task Actor_never_handles_two_messages_at_once_even_with_many_concurrent_senders()
    {
        var actor = System.Spawn("recorder", () => new RecordingActor());

        await Task.WhenAll(Enumerable.Range(0, 8).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
                Assert.True(actor.Tell(new Item(sender, i)), $"sender {sender} message {i} was refused by an unbounded mailbox");
        })));
        var (handled, maxConcurrent, _) = await actor.Ask<(int, int, bool)>(r => new Report(r), AskTimeout);

        Assert.Equal(2000, handled);
        Assert.True(maxConcurrent == 1, $"expected one message at a time, but saw {maxConcurrent} handlers running concurrently");
    }

    [Fact]
    public async Task Messages_from_each_sender_are_handled_in_the_order_sent()
    {
        var actor = System.Spawn("recorder", () => new RecordingActor());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
                actor.Tell(new Item(sender, i));
        })));
        var (handled, _, inOrder) = await actor.Ask<(int, int, bool)>(r => new Report(r), AskTimeout);

        Assert.Equal(2000, handled);
        Assert.True(inOrder, "expected every sender's messages in the order it sent them (FIFO per sender)");
    }

    [Fact]
    public async Task Bounded_mailbox_refuses_a_message_when_full_and_reports_it_undelivered()
    {
        var gate = new TaskCompletionSource();
        var handled = new Probe<int>();
        var actor = System.Spawn<int>(
            "bounded",
            () => new TestActor<int>(async (n, _) =>
            {
                handled.Add(n);
                if (n == 1)
                    await gate.Task;
            }),
            new ActorOptions { MailboxCapacity = 2 });

        actor.Tell(1);
        Assert.Equal(1, await handled.NextAsync("message 1 to be taken out of the mailbox"));
        Assert.True(actor.Tell(2), "message 2 should fit (capacity 2)");
        Assert.True(actor.Tell(3), "message 3 should fit (capacity 2)");
        Assert.False(actor.Tell(4), "message 4 should be refused: the mailbox holds 2 of 2");
        gate.SetResult();

        Assert.Equal([2, 3], await handled.NextAsync(2, "the queued messages after the gate opened"));
        var undelivered = Assert.Single(Events.OfType<MessageUndelivered>());
        Assert.Equal(("/bounded", "Int32", "mailbox full"), (undelivered.ActorPath, undelivered.MessageType, undelivered.Reason));
    }

    [Fact]
    public async Task Bounded_mailbox_with_drop_oldest_keeps_the_newest_messages()
    {
        var gate = new TaskCompletionSource();
        var handled = new Probe<int>();
        var actor = System.Spawn<int>(
            "latest",
            () => new TestActor<int>(async (n, _) =>
            {
                handled.Add(n);
                if (n == 1)
                    await gate.Task;
            }),
            new ActorOptions { MailboxCapacity = 2, Overflow = MailboxOverflow.DropOldest });

        actor.Tell(1);
        await handled.NextAsync("message 1 to be taken out of the mailbox");
        for (var n = 2; n <= 5; n++)
            Assert.True(actor.Tell(n), $"drop-oldest mailbox should accept message {n}");
        gate.SetResult();

        Assert.Equal([4, 5], await handled.NextAsync(2, "the two newest messages"));
        Assert.Equal(2, Events.OfType<MessageUndelivered>().Count);
    }

    [Fact]
    public async Task TellAsync_waits_for_room_in_a_full_bounded_mailbox()
    {
        var gate = new TaskCompletionSource();
        var handled = new Probe<int>();
        var actor = System.Spawn<int>(
            "backpressure",
            () => new TestActor<int>(async (n, _) =>
            {
                handled.Add(n);
                if (n == 1)
                    await gate.Task;
            }),
            new ActorOptions { MailboxCapacity = 1 });

        await actor.TellAsync(1);
        await handled.NextAsync("message 1 to be taken out of the mailbox");
        await actor.TellAsync(2);
        var third = actor.TellAsync(3).AsTask();
        Assert.False(third.IsCompleted, "TellAsync(3) should wait: the mailbox is full");
        gate.SetResult();

        Assert.True(await third.WaitAsync(TimeSpan.FromSeconds(10)), "TellAsync(3) should be accepted once room frees up");
        Assert.Equal([2, 3], await handled.NextAsync(2, "messages 2 and 3"));
    }

    [Fact]
    public async Task A_thousand_actors_each_handle_a_hundred_messages()
    {
        const int actorCount = 1000, messagesEach = 100;
        var finished = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actors = Enumerable.Range(0, actorCount)
            .Select(i =>
            {
                var count = 0;
                return System.Spawn<int>($"counter-{i}", () => new TestActor<int>((_, _) =>
                {
                    if (++count == messagesEach && Interlocked.Increment(ref finished) == actorCount)
                        allDone.SetResult();
                    return Task.CompletedTask;
                }));
            })
            .ToList();

        for (var m = 0; m < messagesEach; m++)
        {
            foreach (var actor in actors)
                actor.Tell(m);
        }

        var completed = await Task.WhenAny(allDone.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(completed == allDone.Task, $"expected all {actorCount} actors to handle {messagesEach} messages; {Volatile.Read(ref finished)} finished");
    }
}
