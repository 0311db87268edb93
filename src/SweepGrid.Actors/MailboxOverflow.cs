namespace SweepGrid.Actors;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum MailboxOverflow
{
    /// <summary>
    /// Refuse the new message: <see cref="ActorRef{TMessage}.Tell"/> returns <see langword="false"/>,
    /// an ask fails with <see cref="MessageUndeliveredException"/>, and
    /// <see cref="ActorRef{TMessage}.TellAsync"/> waits for room instead (back-pressure).
    /// </summary>
    Reject,

    /// <summary>Accept the new message and drop the oldest queued one (reported as undelivered). Suits "latest value wins" feeds such as progress.</summary>
    DropOldest,
}
