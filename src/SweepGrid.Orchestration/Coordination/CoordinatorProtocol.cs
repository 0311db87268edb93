using SweepGrid.Orchestration.Control;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Serialization;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Coordination;

/// <summary>A message the coordinator accepts.</summary>
public interface ICoordinatorCommand : IWireMessage;

/// <summary>Record a study and its trials (idempotent: resubmitting resumes). Replies <see cref="SubmitStudyReply"/>.</summary>
public sealed record SubmitStudy(StudySubmission Submission) : ICoordinatorCommand;

/// <summary>Cancel a study; running trials are told to stop. Replies <see cref="CancelStudyReply"/>.</summary>
public sealed record CancelStudy(string StudyId) : ICoordinatorCommand;

/// <summary>Requeue a study's failed trials with fresh attempts. Replies <see cref="RetryStudyReply"/>.</summary>
public sealed record RetryStudy(string StudyId) : ICoordinatorCommand;

/// <summary>
/// A node announces itself and what it holds (sent at start and with every heartbeat, so nodes re-attach to a
/// coordinator that moved). <paramref name="NodeId"/> is unique per process incarnation.
/// </summary>
public sealed record RegisterNode(string NodeId, int Slots, IReadOnlyList<Guid> HeldTokens) : ICoordinatorCommand;

/// <summary>
/// A slot asks for work (work pulling): one trial when it is free, or <paramref name="Count"/> to run next while it runs
/// short ones. Replies one <c>TrialAssigned</c> or <c>NoWork</c> per trial asked for.
/// </summary>
public sealed record RequestWork(string NodeId, int Slot, int Count = 1) : ICoordinatorCommand;

/// <summary>
/// How a dispatched trial ended; resent by the node until acknowledged. <paramref name="AskForSlot"/>: the slot that ran
/// it asks for its next <paramref name="Asking"/> trials in the same message (so they share one group commit); never
/// set on a resend.
/// </summary>
public sealed record ReportOutcome(string NodeId, string TrialId, Guid Token, TrialOutcome Outcome, int? AskForSlot = null, int Asking = 1) : ICoordinatorCommand;

/// <summary>Progress of a running trial (the heartbeat of a dispatch).</summary>
public sealed record ReportProgress(string NodeId, string TrialId, Guid Token, TrialProgress Progress) : ICoordinatorCommand;

/// <summary>Reply to <see cref="SubmitStudy"/>.</summary>
public sealed record SubmitStudyReply(SubmissionResult Result) : IWireMessage;

/// <summary>Reply to <see cref="CancelStudy"/>: the study after the call, or null when there is none.</summary>
public sealed record CancelStudyReply(StudyRecord? Study) : IWireMessage;

/// <summary>Reply to <see cref="RetryStudy"/>.</summary>
public sealed record RetryStudyReply(RetryResult Result) : IWireMessage;

/// <summary>A command could not be carried out; <paramref name="Retryable"/> when the database was unavailable.</summary>
public sealed record CommandFailed(string Command, string Message, bool Retryable, bool InvalidArgument) : IWireMessage;

internal sealed record WorkRequest(Akka.Actor.IActorRef Node, string NodeId, int Slot);

internal sealed record PendingOutcome(Akka.Actor.IActorRef Node, TrialDispatched Dispatch, TrialOutcome Outcome);

internal sealed record BatchWritten(IReadOnlyList<PendingOutcome> Outcomes, IReadOnlyList<WorkRequest> Requests, SettleAndLeaseResult Result);

internal sealed record BatchNotWritten(IReadOnlyList<PendingOutcome> Outcomes, IReadOnlyList<WorkRequest> Requests, Exception Error);

internal sealed record DispatchReleased(TrialDispatched Dispatch, ICoordinatorEvent Event, LeaseWriteOutcome Written);

internal sealed record DispatchNotReleased(TrialDispatched Dispatch, Exception Error);

internal sealed record Reconcile(IReadOnlyList<HeldTrial> Held);

internal sealed record CheckOrphans;


internal sealed record CancelRunning(IReadOnlyList<HeldTrial> Held);
internal sealed record Housekeep;
