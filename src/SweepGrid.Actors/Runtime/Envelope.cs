namespace SweepGrid.Actors;

/// <summary>A user message in the mailbox, with what the runtime must remember about it.</summary>
/// <param name="Message">The message.</param>
/// <param name="Timer">The timer that sent it; the message is dropped if the timer was cancelled meanwhile.</param>
/// <param name="Reply">The ask waiting on it, failed if the message is never handled or its handler throws.</param>
internal readonly record struct Envelope<TMessage>(TMessage Message, ActorTimer? Timer = null, IReplyChannel? Reply = null);
