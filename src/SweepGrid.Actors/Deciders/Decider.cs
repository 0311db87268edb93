namespace SweepGrid.Actors;

/// <summary>Steps an <see cref="IDecider{TState, TCommand, TEvent}"/> without threads: for actors and for tests.</summary>
public static class Decider
{
    /// <summary>
    /// Decides one command and applies its events: what an actor does for each message before performing
    /// the events' effects.
    /// </summary>
    /// <param name="decider">The decision logic.</param>
    /// <param name="state">The state before.</param>
    /// <param name="command">The command.</param>
    public static Decision<TState, TEvent> Step<TState, TCommand, TEvent>(
        this IDecider<TState, TCommand, TEvent> decider, TState state, TCommand command)
    {
        ArgumentNullException.ThrowIfNull(decider);
        var events = decider.Decide(state, command);
        return new Decision<TState, TEvent>(Fold(decider, state, events), events);
    }

    /// <summary>
    /// Runs commands one after another, each decided against the state left by the previous one, and
    /// collects every event. The typical test: given a state, when these commands, then these events and this state.
    /// </summary>
    /// <param name="decider">The decision logic.</param>
    /// <param name="state">The initial state.</param>
    /// <param name="commands">The commands, in order.</param>
    public static Decision<TState, TEvent> Run<TState, TCommand, TEvent>(
        this IDecider<TState, TCommand, TEvent> decider, TState state, IEnumerable<TCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(commands);
        var all = new List<TEvent>();
        foreach (var command in commands)
        {
            var events = decider.Decide(state, command);
            state = Fold(decider, state, events);
            all.AddRange(events);
        }
        return new Decision<TState, TEvent>(state, all);
    }

    /// <summary>Applies events in order, e.g. to rebuild state from recorded events after a restart.</summary>
    /// <param name="decider">The decision logic.</param>
    /// <param name="state">The state before the first event.</param>
    /// <param name="events">The events, in the order they happened.</param>
    public static TState Fold<TState, TCommand, TEvent>(
        this IDecider<TState, TCommand, TEvent> decider, TState state, IEnumerable<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var @event in events)
            state = decider.Apply(state, @event);
        return state;
    }
}
