using SweepGrid.Orchestration.Control;
using SweepGrid.Store;

namespace SweepGrid.Server.Control;

/// <summary>
/// <see cref="IStudyControl"/> straight over the store (submit and cancel are single store transactions).
/// Retry needs the coordinator and is refused with <see cref="NotSupportedException"/>; the coordinator's own
/// implementation replaces this one where a cluster runs.
/// </summary>
public sealed class StoreStudyControl(ITrialStore store, TimeProvider time) : IStudyControl
{
    public Task<SubmissionResult> SubmitAsync(StudySubmission submission, CancellationToken cancellationToken = default) =>
        store.SubmitStudyAsync(submission, time.GetUtcNow(), cancellationToken);

    public Task<StudyRecord?> CancelAsync(string studyId, CancellationToken cancellationToken = default) =>
        store.CancelStudyAsync(studyId, time.GetUtcNow(), cancellationToken);

    public Task<RetryResult> RetryAsync(string studyId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"retry is not supported by this store ({store.DatabaseName}) without the coordinator; run the study's member with the coordinator role");
}
