using SweepGrid.Store;

namespace SweepGrid.Orchestration.Control;

/// <summary>
/// <see cref="IStudyControl"/> for the local-database CLI (`cancel`, `retry` without a server): the commands are
/// single read-model transactions, safe while a `run` coordinates the same database — its coordinator leases
/// from the same tables, sees a cancellation with the next progress report of each running trial, and queued
/// retries with the next request of a free slot.
/// </summary>
public sealed class StoreStudyControl(ITrialStore store, TimeProvider? clock = null) : IStudyControl
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    public Task<SubmissionResult> SubmitAsync(StudySubmission submission, CancellationToken cancellationToken = default) =>
        store.SubmitStudyAsync(submission, time.GetUtcNow(), cancellationToken);

    public Task<StudyRecord?> CancelAsync(string studyId, CancellationToken cancellationToken = default) =>
        store.CancelStudyAsync(studyId, time.GetUtcNow(), cancellationToken);

    public async Task<RetryResult> RetryAsync(string studyId, CancellationToken cancellationToken = default) =>
        await store.RetryFailedAsync(studyId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } n
            ? new RetryResult(studyId, Found: true, n)
            : new RetryResult(studyId, Found: false, 0);
}
