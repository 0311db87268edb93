namespace SweepGrid.Store;

/// <summary>What <see cref="ITrialStore.SubmitStudyAsync"/> did.</summary>
/// <param name="Study">The study as stored after the call.</param>
/// <param name="StudyCreated">True when the study was new.</param>
/// <param name="TrialsInserted">Trials that were not stored before.</param>
/// <param name="TrialsLinked">Trials newly linked to this study (inserted ones plus ones shared with other studies).</param>
public sealed record SubmissionResult(StudyRecord Study, bool StudyCreated, int TrialsInserted, int TrialsLinked);
