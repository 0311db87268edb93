namespace SweepGrid.Actors;

/// <summary>What happens to an actor whose <see cref="Actor{TMessage}.ReceiveAsync"/> (or PreStart) threw.</summary>
public enum SupervisorDirective
{
    /// <summary>Keep the instance and its state, drop the failing message, continue with the next one.</summary>
    Resume,

    /// <summary>
    /// Retire the instance (PostStop), wait an exponential backoff, create a fresh instance from the
    /// factory (PreStart) and continue with the messages still in the mailbox. The failing message is dropped.
    /// </summary>
    Restart,

    /// <summary>Stop the actor: PostStop runs, messages still in the mailbox are reported as undelivered.</summary>
    Stop,
}
