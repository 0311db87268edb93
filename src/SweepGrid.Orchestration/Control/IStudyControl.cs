using SweepGrid.Store;

namespace SweepGrid.Orchestration.Control;

/// <summary>
/// The commands that change a study, as the embedded runner, the HTTP API and the CLI see them. Reads
/// (list, status, results, report) go to <see cref="ITrialStore"/>'s read methods instead, so that a
/// read-only database can still be listed and reported. In the cluster the implementation talks to the
/// coordinator singleton; callers never know where the coordinator runs.
/// </summary>
public interface IStudyControl
{
    /// <summary>Records a study and its trials (idempotent: submitting again resumes it).</summary>
    Task<SubmissionResult> SubmitAsync(StudySubmission submission, CancellationToken cancellationToken = default);

    /// <summary>Cancels a study; returns the study after the call, or null when no study has that id.</summary>
    Task<StudyRecord?> CancelAsync(string studyId, CancellationToken cancellationToken = default);

    /// <summary>Requeues the study's failed trials with fresh attempts; <see cref="RetryResult.Found"/> is false
    /// when no study has that id.</summary>
    Task<RetryResult> RetryAsync(string studyId, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IStudyControl.RetryAsync"/> did.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="Found">False when no study has that id (nothing changed).</param>
/// <param name="Requeued">How many failed trials were requeued.</param>
public sealed record RetryResult(string StudyId, bool Found, int Requeued);
