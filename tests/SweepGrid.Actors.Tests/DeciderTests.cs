using System.Collections.Immutable;

namespace SweepGrid.Actors.Tests;

/// <summary>
/// The pattern the orchestrator's actors follow: decisions in a pure decider that tests step without
/// threads, and an actor that is only a shell around it (receive → decide → effects → apply).
/// </summary>
public sealed class DeciderTests : ActorTestBase
{
    private abstract record SlotCommand;
    private sealed record OfferTrial(string TrialId) : SlotCommand;
    private sealed record FinishTrial(string TrialId, double Accuracy) : SlotCommand;

    private abstract record SlotEvent;
    private sealed record TrialAccepted(string TrialId) : SlotEvent;
    private sealed record TrialRefused(string TrialId, string Reason) : SlotEvent;
    private sealed record TrialFinished(string TrialId, double Accuracy) : SlotEvent;

    private sealed record SlotState(int Capacity, ImmutableSortedSet<string> Running)
    {
        public static SlotState Empty(int capacity) => new(capacity, []);
    }

    /// <summary>A node's slots: accept trials while a slot is free; offers and finishes are idempotent.</summary>
    private sealed class SlotDecider : IDecider<SlotState, SlotCommand, SlotEvent>
    {
        public IReadOnlyList<SlotEvent> Decide(SlotState state, SlotCommand command) => command switch
        {
            OfferTrial offer when state.Running.Contains(offer.TrialId) => [],
            OfferTrial offer when state.Running.Count >= state.Capacity =>
                [new TrialRefused(offer.TrialId, $"all {state.Capacity} slots are busy")],
            OfferTrial offer => [new TrialAccepted(offer.TrialId)],
            FinishTrial finish when state.Running.Contains(finish.TrialId) => [new TrialFinished(finish.TrialId, finish.Accuracy)],
            _ => [],
        };

        public SlotState Apply(SlotState state, SlotEvent @event) => @event switch
        {
            TrialAccepted accepted => state with { Running = state.Running.Add(accepted.TrialId) },
            TrialFinished finished => state with { Running = state.Running.Remove(finished.TrialId) },
            _ => state,
        };
    }

    /// <summary>The thin shell: every decision is the decider's; the actor only performs the effects.</summary>
    private sealed class SlotsActor(Func<string, Task<double>> train, Probe<SlotEvent> published) : Actor<SlotCommand>
    {
        private readonly SlotDecider decider = new();
        private SlotState state = SlotState.Empty(capacity: 2);

        public override Task ReceiveAsync(SlotCommand message, ActorContext<SlotCommand> context)
        {
            var decision = decider.Step(state, message);
            foreach (var @event in decision.Events)
            {
                if (@event is TrialAccepted accepted)
                {
                    var trialId = accepted.TrialId;
                    context.PipeTo(train(trialId), accuracy => new FinishTrial(trialId, accuracy), _ => new FinishTrial(trialId, double.NaN));
                }
                published.Add(@event);
            }
            state = decision.State;
            return Task.CompletedTask;
        }
    }

    private static readonly SlotDecider Slots = new();

    [Fact]
    public void Slots_accept_trials_up_to_capacity_and_refuse_the_rest_with_a_reason()
    {
        var result = Slots.Run(SlotState.Empty(capacity: 2), [new OfferTrial("t1"), new OfferTrial("t2"), new OfferTrial("t3")]);

        Assert.Equal<SlotEvent>([new TrialAccepted("t1"), new TrialAccepted("t2"), new TrialRefused("t3", "all 2 slots are busy")], result.Events);
        Assert.Equal(["t1", "t2"], result.State.Running);
    }

    [Fact]
    public void Repeated_offers_and_unknown_finishes_change_nothing()
    {
        var running = Slots.Run(SlotState.Empty(capacity: 2), [new OfferTrial("t1")]).State;

        var result = Slots.Run(running, [new OfferTrial("t1"), new FinishTrial("t9", 0.5)]);

        Assert.Empty(result.Events);
        Assert.Same(running, result.State);
    }

    [Fact]
    public void Folding_recorded_events_rebuilds_the_state()
    {
        var initial = SlotState.Empty(capacity: 2);
        var lived = Slots.Run(initial, [new OfferTrial("t1"), new OfferTrial("t2"), new FinishTrial("t1", 0.9)]);

        var rebuilt = Slots.Fold(initial, lived.Events);

        Assert.Equal(["t2"], rebuilt.Running);
        Assert.Equal(lived.State.Running, rebuilt.Running);
    }

    [Fact]
    public async Task The_actor_shell_performs_the_effects_of_each_decision()
    {
        var published = new Probe<SlotEvent>();
        var trainings = new Dictionary<string, TaskCompletionSource<double>>
        {
            ["t1"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            ["t2"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            ["t3"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        var slots = System.Spawn("node-1", () => new SlotsActor(id => trainings[id].Task, published));

        slots.Tell(new OfferTrial("t1"));
        slots.Tell(new OfferTrial("t2"));
        slots.Tell(new OfferTrial("t3"));
        Assert.Equal<SlotEvent>(
            [new TrialAccepted("t1"), new TrialAccepted("t2"), new TrialRefused("t3", "all 2 slots are busy")],
            await published.NextAsync(3, "two accepted trials and one refused"));
        trainings["t2"].SetResult(0.93);
        Assert.Equal(new TrialFinished("t2", 0.93), await published.NextAsync("t2's training result, piped back"));
        slots.Tell(new OfferTrial("t3"));

        Assert.Equal(new TrialAccepted("t3"), await published.NextAsync("t3 to take the slot t2 freed"));
    }
}
