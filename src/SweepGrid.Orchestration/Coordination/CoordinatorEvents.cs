using SweepGrid.Orchestration.Serialization;

namespace SweepGrid.Orchestration.Coordination;

/// <summary>
/// A fact the coordinator journals. Small control facts only: definitions and results live in the SQL tables,
/// which the coordinator keeps up to date as the read model.
/// </summary>
public interface ICoordinatorEvent : IWireMessage;

/// <summary>A study was recorded (or resubmitted, which resumes it).</summary>
public sealed record StudySubmitted(string StudyId, int Trials) : ICoordinatorEvent;

/// <summary>A study was cancelled.</summary>
public sealed record StudyCancelled(string StudyId) : ICoordinatorEvent;

/// <summary>A study's failed trials were given fresh attempts.</summary>
public sealed record StudyRetried(string StudyId, int Trials) : ICoordinatorEvent;

/// <summary>A trial was sent to a node's slot under a fresh attempt token.</summary>
public sealed record TrialDispatched(string TrialId, string NodeId, Guid Token, int Attempt) : ICoordinatorEvent;

/// <summary>A fact that ends a dispatch (whichever way): the dispatch with this token is no longer in flight.</summary>
public interface IDispatchEnded : ICoordinatorEvent
{
    string TrialId { get; }

    Guid Token { get; }
}

/// <summary>The dispatch ended with the trial's result recorded.</summary>
public sealed record TrialCompleted(string TrialId, Guid Token) : IDispatchEnded;

/// <summary>The dispatch ended with a real failure of the trial (it counts as an attempt).</summary>
public sealed record TrialFailed(string TrialId, Guid Token, string Reason) : IDispatchEnded;

/// <summary>The dispatch ended without a result and without spending an attempt (drain, Ctrl-C, SIGTERM, cancel).</summary>
public sealed record TrialHandedBack(string TrialId, Guid Token, string Reason) : IDispatchEnded;

/// <summary>The dispatch was lost with its node (downed, killed, restarted) and the trial requeued; the attempt counts.</summary>
public sealed record TrialRequeued(string TrialId, Guid Token, string Reason) : IDispatchEnded;

/// <summary>The coordinator's state at a sequence number: the dispatches in flight.</summary>
/// <param name="FormatVersion">Bumped when the snapshot's meaning changes; older snapshots are replayed from events instead.</param>
/// <param name="InFlight">The dispatches in flight.</param>
public sealed record CoordinatorSnapshot(int FormatVersion, IReadOnlyList<TrialDispatched> InFlight) : IWireMessage
{
    public const int CurrentFormat = 1;
}
