namespace SweepGrid.Store;

/// <summary>One entry of the append-only timeline; <see cref="Kind"/> is one of <see cref="StudyEventKinds"/>.</summary>
/// <param name="Id">Grows with every event; use it to poll for newer ones.</param>
/// <param name="At">The caller's time of the change.</param>
/// <param name="StudyId">The study, for study events; null for trial events (a trial may belong to several studies).</param>
/// <param name="TrialId">The trial, for trial events.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">A human-readable detail (node, attempt, reason).</param>
public sealed record StudyEvent(long Id, DateTimeOffset At, string? StudyId, string? TrialId, string Kind, string Detail);
