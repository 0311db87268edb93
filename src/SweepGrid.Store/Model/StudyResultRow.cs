namespace SweepGrid.Store;

/// <summary>A result row of a study, joined with its trial's identity and the study's axes for it.</summary>
public sealed record StudyResultRow(
    string TrialId,
    string Kind,
    string DefinitionJson,
    string AxesJson,
    string Condition,
    string Metric,
    double Value);
