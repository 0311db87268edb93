using System.Collections.Frozen;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Orchestration.Nodes;

namespace SweepGrid.Orchestration.Serialization;

/// <summary>
/// The one table from wire types to manifests. A manifest is written into the journal, so a released entry is
/// never changed: a new shape of an event is a new type with a new manifest (<c>…/v2</c>), and recovery keeps
/// reading the old one.
/// </summary>
public static class WireManifests
{
    private static readonly (string Manifest, Type Type)[] Entries =
    [
        // journal events and snapshots
        ("event/study-submitted/v1", typeof(StudySubmitted)),
        ("event/study-cancelled/v1", typeof(StudyCancelled)),
        ("event/study-retried/v1", typeof(StudyRetried)),
        ("event/trial-dispatched/v1", typeof(TrialDispatched)),
        ("event/trial-completed/v1", typeof(TrialCompleted)),
        ("event/trial-failed/v1", typeof(TrialFailed)),
        ("event/trial-handed-back/v1", typeof(TrialHandedBack)),
        ("event/trial-requeued/v1", typeof(TrialRequeued)),
        ("snapshot/coordinator/v1", typeof(CoordinatorSnapshot)),
        // coordinator protocol
        ("coordinator/submit-study/v1", typeof(SubmitStudy)),
        ("coordinator/cancel-study/v1", typeof(CancelStudy)),
        ("coordinator/retry-study/v1", typeof(RetryStudy)),
        ("coordinator/register-node/v1", typeof(RegisterNode)),
        ("coordinator/request-work/v1", typeof(RequestWork)),
        ("coordinator/report-outcome/v1", typeof(ReportOutcome)),
        ("coordinator/report-progress/v1", typeof(ReportProgress)),
        ("coordinator/study-submitted-reply/v1", typeof(SubmitStudyReply)),
        ("coordinator/study-cancelled-reply/v1", typeof(CancelStudyReply)),
        ("coordinator/study-retried-reply/v1", typeof(RetryStudyReply)),
        ("coordinator/command-failed/v1", typeof(CommandFailed)),
        // node protocol
        ("node/trial-assigned/v1", typeof(TrialAssigned)),
        ("node/no-work/v1", typeof(NoWork)),
        ("node/outcome-acknowledged/v1", typeof(OutcomeAcknowledged)),
        ("node/cancel-trial/v1", typeof(CancelTrial)),
        ("node/work-available/v1", typeof(WorkAvailable)),
    ];

    private static readonly FrozenDictionary<Type, string> ByType = Entries.ToFrozenDictionary(e => e.Type, e => e.Manifest);
    private static readonly FrozenDictionary<string, Type> ByManifest = Entries.ToFrozenDictionary(e => e.Manifest, e => e.Type, StringComparer.Ordinal);

    /// <summary>Every wire type, for tests that round-trip each one.</summary>
    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    public static string Of(Type type) => ByType.TryGetValue(type, out var manifest)
        ? manifest
        : throw new ArgumentException($"{type.FullName} has no wire manifest; add it to {nameof(WireManifests)}", nameof(type));

    public static Type TypeOf(string manifest) => ByManifest.TryGetValue(manifest, out var type)
        ? type
        : throw new System.Runtime.Serialization.SerializationException(
            $"unknown wire manifest '{manifest}' (written by a newer SweepGrid?); known: {string.Join(", ", ByManifest.Keys.Order(StringComparer.Ordinal))}");
}
