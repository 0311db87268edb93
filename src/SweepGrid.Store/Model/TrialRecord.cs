namespace SweepGrid.Store;

/// <summary>A stored trial as readers see it (the lease token is never exposed).</summary>
public sealed record TrialRecord(
    string TrialId,
    string Kind,
    string DefinitionJson,
    string? WeightsKey,
    TrialState State,
    int Priority,
    int Attempts,
    int MaxAttempts,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    bool CancelRequested,
    TrialProgress? Progress,
    string? LastError,
    string? CurveJson,
    string? TimingsJson,
    IReadOnlyList<string> DependsOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
