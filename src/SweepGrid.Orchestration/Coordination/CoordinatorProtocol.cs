using SweepGrid.Actors;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Coordination;

/// <summary>Messages of the coordinator actor.</summary>
public interface ICoordinatorMessage;

/// <summary>Insert a study and its trials (idempotent: resubmitting resumes).</summary>
public sealed record SubmitStudy(StudySubmission Submission, ReplyChannel<SubmissionResult> Reply) : ICoordinatorMessage;

/// <summary>Housekeeping: reap expired leases and finish studies whose trials are all done.</summary>
public sealed record Housekeep : ICoordinatorMessage;

internal sealed record HousekeepingDone(bool Active, int Reaped, IReadOnlyList<string> Finished) : ICoordinatorMessage;

internal sealed record HousekeepingFailed(Exception Error) : ICoordinatorMessage;
