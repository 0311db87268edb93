namespace SweepGrid.Actors;

/// <summary>Per-actor settings chosen by whoever spawns the actor (its parent or the host).</summary>
public sealed class ActorOptions
{
    /// <summary>Shared default: unbounded mailbox, the system's default supervisor strategy.</summary>
    public static ActorOptions Default { get; } = new();

    /// <summary>How failures of this actor are handled; <see langword="null"/> uses <see cref="ActorSystemOptions.DefaultSupervisor"/>.</summary>
    public SupervisorStrategy? Supervisor { get; init; }

    /// <summary>
    /// Maximum number of queued user messages; <see langword="null"/> (the default) means unbounded.
    /// Control traffic (stop, PipeTo results, death-watch notices) is never bounded, so it cannot be lost.
    /// </summary>
    public int? MailboxCapacity { get; init; }

    /// <summary>What a full bounded mailbox does with a new message. Default <see cref="MailboxOverflow.Reject"/>.</summary>
    public MailboxOverflow Overflow { get; init; } = MailboxOverflow.Reject;

    internal void Validate()
    {
        if (MailboxCapacity is < 1)
            throw new ArgumentOutOfRangeException(nameof(MailboxCapacity), MailboxCapacity, "MailboxCapacity must be at least 1, or null for unbounded.");
        if (!Enum.IsDefined(Overflow))
            throw new ArgumentOutOfRangeException(nameof(Overflow), Overflow, "Unknown overflow policy.");
        Supervisor?.Validate();
    }
}
