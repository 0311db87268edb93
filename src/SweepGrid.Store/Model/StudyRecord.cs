namespace SweepGrid.Store;

/// <summary>A stored study.</summary>
public sealed record StudyRecord(
    string StudyId,
    string Name,
    string SpecText,
    StudyState State,
    int TrialCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
