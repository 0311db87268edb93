namespace SweepGrid.Actors;

/// <summary>The outcome of stepping a decider: the new state and the events, in order.</summary>
/// <param name="State">The state after all events were applied.</param>
/// <param name="Events">Every event produced, in the order they were decided and applied.</param>
public sealed record Decision<TState, TEvent>(TState State, IReadOnlyList<TEvent> Events);
