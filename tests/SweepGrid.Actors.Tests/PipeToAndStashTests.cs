namespace SweepGrid.Actors.Tests;

public sealed class PipeToAndStashTests : ActorTestBase
{
    private abstract record SlotMessage;
    private sealed record StartTraining(Task<double> Training) : SlotMessage;
    private sealed record TrainingFinished(double Accuracy) : SlotMessage;
    private sealed record TrainingFailed(string Reason) : SlotMessage;
    private sealed record Ping : SlotMessage;

    private sealed class SlotActor(Probe<string> log) : Actor<SlotMessage>
    {
        private bool busy;

        public override Task ReceiveAsync(SlotMessage message, ActorContext<SlotMessage> context)
        {
            switch (message)
            {
                case StartTraining start:
                    busy = true;
                    context.PipeTo(start.Training, accuracy => new TrainingFinished(accuracy), error => new TrainingFailed(error.Message));
                    break;
                case TrainingFinished finished:
                    busy = false;
                    log.Add($"finished {finished.Accuracy}");
                    break;
                case TrainingFailed failed:
                    busy = false;
                    log.Add($"failed: {failed.Reason}");
                    break;
                case Ping:
                    log.Add(busy ? "ping while training" : "ping while idle");
                    break;
            }
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task PipeTo_delivers_the_result_of_work_on_another_thread_as_a_message()
    {
        var log = new Probe<string>();
        var training = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slot = System.Spawn("slot-1", () => new SlotActor(log));

        slot.Tell(new StartTraining(training.Task));
        slot.Tell(new Ping());
        Assert.Equal("ping while training", await log.NextAsync("the actor to stay responsive while the training runs"));
        await Task.Run(() => training.SetResult(0.97));

        Assert.Equal("finished 0.97", await log.NextAsync("the training result as a message"));
    }

    [Fact]
    public async Task PipeTo_turns_a_failure_into_a_message()
    {
        var log = new Probe<string>();
        var slot = System.Spawn("slot-1", () => new SlotActor(log));

        slot.Tell(new StartTraining(Task.FromException<double>(new InvalidOperationException("diverged at epoch 3"))));

        Assert.Equal("failed: diverged at epoch 3", await log.NextAsync("the training failure as a message"));
        Assert.Empty(Events.OfType<ActorFailed>());
    }

    [Fact]
    public async Task Stashed_messages_come_back_in_order_after_UnstashAll()
    {
        var log = new Probe<string>();
        var ready = false;
        var node = System.Spawn<string>("node", () => new TestActor<string>((message, context) =>
        {
            if (message == "lease granted")
            {
                ready = true;
                log.Add(message);
                context.UnstashAll();
            }
            else if (!ready)
            {
                context.Stash();
            }
            else
            {
                log.Add(message);
            }
            return Task.CompletedTask;
        }));

        node.Tell("trial-a");
        node.Tell("trial-b");
        node.Tell("lease granted");
        node.Tell("trial-c");

        Assert.Equal(["lease granted", "trial-a", "trial-b", "trial-c"], await log.NextAsync(4, "stashed trials replayed ahead of later ones"));
    }
}
