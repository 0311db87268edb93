using SweepGrid.Store;

namespace SweepGrid.Server.Studies;

/// <summary>A study in a list (<c>GET /api/v1/studies</c>).</summary>
public sealed record StudySummary(string StudyId, string Name, string State, int TrialCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static StudySummary From(StudyRecord s) =>
        new(s.StudyId, s.Name, s.State.ToString().ToLowerInvariant(), s.TrialCount, s.CreatedAt, s.UpdatedAt);
}

/// <summary>A study's status: trial counts by state (every state present) and its failed trials with reasons.</summary>
public sealed record StudyStatus(StudySummary Study, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<TrialFailure> Failures, bool FailuresTruncated);

/// <summary>A failed trial and why it failed.</summary>
public sealed record TrialFailure(string TrialId, string Reason, int Attempts);

/// <summary>The JSON form of a submission: the spec's YAML text and an optional profile.</summary>
public sealed record SubmitRequest(string? Spec, string? Profile);

/// <summary>What a submission did: <c>Created</c> is false when the study existed (the submission resumed it).</summary>
public sealed record SubmitResponse(StudySummary Study, bool Created, int TrialsInserted, int TrialsLinked);

/// <summary>What a retry did.</summary>
public sealed record RetryResponse(string StudyId, int Requeued);

/// <summary>The spec a study was submitted with, as submitted (its findings and accuracy floor are read from it).</summary>
public sealed record StudySpec(string StudyId, string Spec);

/// <summary>One long-format result row: a trial's metric under one condition, with the study's axes for the trial and its seed.</summary>
public sealed record ResultRowDto(string TrialId, string Kind, IReadOnlyDictionary<string, string> Axes, ulong Seed, string Condition, string Metric, double Value)
{
    internal static ResultRowDto From(StudyResultRow r)
    {
        var row = Reports.StoredResults.ToRow(r);
        return new(r.TrialId, r.Kind, row.Axes, row.Seed, r.Condition, r.Metric, r.Value);
    }
}

/// <summary>A node as it last reported.</summary>
public sealed record NodeSummary(string NodeId, int Slots, string State, DateTimeOffset LastSeen);
