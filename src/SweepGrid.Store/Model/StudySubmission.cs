namespace SweepGrid.Store;

/// <summary>A study to record: its id, a display name, the spec it came from and its trials.</summary>
/// <param name="StudyId">The study's stable id (e.g. a hash of the spec, or its name).</param>
/// <param name="Name">Display name.</param>
/// <param name="SpecText">The spec as submitted (kept verbatim for provenance; not interpreted).</param>
/// <param name="Trials">The trials, in the order results and leases should follow. Every dependency of a
/// trial must be in the same submission.</param>
public sealed record StudySubmission(string StudyId, string Name, string SpecText, IReadOnlyList<TrialSubmission> Trials);

/// <summary>One trial of a submission.</summary>
/// <param name="TrialId">The content hash of everything that determines the result; identical trials share it.</param>
/// <param name="Kind">What the node runs, e.g. "train-evaluate" or "ensemble-evaluate".</param>
/// <param name="DefinitionJson">The trial definition as JSON text (opaque to the store).</param>
/// <param name="WeightsKey">The artifact key its trained weights are stored under, or null.</param>
/// <param name="AxesJson">This study's coordinates of the trial (e.g. {"temperature":0.125,"seed":1}) as JSON text.</param>
/// <param name="Priority">Higher is leased first.</param>
/// <param name="MaxAttempts">How many leases the trial may use before it fails (at least 1).</param>
/// <param name="DependsOn">Trial ids (in this submission) that must complete before this one is queued.</param>
public sealed record TrialSubmission(
    string TrialId,
    string Kind,
    string DefinitionJson,
    string? WeightsKey,
    string AxesJson,
    int Priority,
    int MaxAttempts,
    IReadOnlyList<string> DependsOn);
