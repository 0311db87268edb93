namespace SweepGrid.Actors;

/// <summary>
/// The pure decision logic behind an actor: given the current state and a command, which facts
/// (events) follow; and how each fact changes the state. No threads, clocks, I/O or randomness:
/// everything the decision needs (the current time, a lease token) arrives inside the command.
/// </summary>
/// <remarks>
/// <para>
/// An actor built on a decider is a thin shell. For each message it (1) turns the message into a
/// command, (2) calls <see cref="Decide"/>, (3) performs the effects the events call for (tell another
/// actor, write to the store, start a training and PipeTo its result back as a new message), and
/// (4) folds the events into its state with <see cref="Apply"/>. Results of effects come back as new
/// messages, so every decision stays in the decider and tests step it with <see cref="Decider.Run{TState, TCommand, TEvent}"/>
/// without an actor system. Persisting the events and replaying them with <see cref="Decider.Fold{TState, TCommand, TEvent}"/>
/// rebuilds the state after a restart.
/// </para>
/// <para>
/// Contract: both methods are pure and deterministic; <see cref="Decide"/> returns an empty list to
/// ignore a command and expresses rejection as an event (e.g. <c>TrialRejected</c> with a reason),
/// never as an exception; <see cref="Apply"/> accepts every event <see cref="Decide"/> can produce.
/// States should be immutable (records), so a test can keep the state before a step.
/// </para>
/// </remarks>
/// <typeparam name="TState">The state, ideally an immutable record.</typeparam>
/// <typeparam name="TCommand">What is asked for (e.g. <c>StartTrial</c>).</typeparam>
/// <typeparam name="TEvent">What happened as a consequence (e.g. <c>TrialStarted</c>).</typeparam>
public interface IDecider<TState, in TCommand, TEvent>
{
    /// <summary>The facts that follow from <paramref name="command"/> in <paramref name="state"/>; empty when nothing happens.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="command">The command.</param>
    IReadOnlyList<TEvent> Decide(TState state, TCommand command);

    /// <summary>The state after <paramref name="event"/>.</summary>
    /// <param name="state">The state before.</param>
    /// <param name="event">A fact produced by <see cref="Decide"/> (possibly recorded earlier and replayed).</param>
    TState Apply(TState state, TEvent @event);
}
