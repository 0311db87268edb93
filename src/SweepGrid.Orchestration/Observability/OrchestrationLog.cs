using Microsoft.Extensions.Logging;

namespace SweepGrid.Orchestration.Observability;

/// <summary>
/// Every orchestration decision, as source-generated log messages. Event ids: 1000–1099 coordinator,
/// 1100–1199 node, 1200–1299 cluster membership and the singleton, 1300–1399 metrics.
/// </summary>
internal static partial class OrchestrationLog
{
    [LoggerMessage(1000, LogLevel.Information, "Coordinator recovered: {InFlight} dispatches in flight from the journal (sequence {Sequence})")]
    public static partial void Recovered(ILogger logger, int inFlight, long sequence);

    [LoggerMessage(1001, LogLevel.Debug, "Dispatched trial {TrialId} to node {NodeId} slot {Slot}, attempt {Attempt}")]
    public static partial void Dispatched(ILogger logger, string trialId, string nodeId, int slot, int attempt);

    [LoggerMessage(1002, LogLevel.Information, "Requeued trial {TrialId} from node {NodeId} ({Reason}; attempt spent: {AttemptSpent})")]
    public static partial void Requeued(ILogger logger, string trialId, string nodeId, string reason, bool attemptSpent);

    [LoggerMessage(1003, LogLevel.Debug, "Trial {TrialId} completed on node {NodeId}")]
    public static partial void Completed(ILogger logger, string trialId, string nodeId);

    [LoggerMessage(1004, LogLevel.Warning, "Trial {TrialId} failed on node {NodeId}: {Reason} (now {State})")]
    public static partial void Failed(ILogger logger, string trialId, string nodeId, string reason, string state);

    [LoggerMessage(1005, LogLevel.Debug, "Ignored a stale outcome of trial {TrialId} from node {NodeId} (not the current attempt)")]
    public static partial void StaleOutcome(ILogger logger, string trialId, string nodeId);

    [LoggerMessage(1006, LogLevel.Warning, "Could not record the outcome of trial {TrialId}; the node resends it")]
    public static partial void OutcomeNotStored(ILogger logger, Exception error, string trialId);

    [LoggerMessage(1007, LogLevel.Warning, "Database unavailable while {Operation}; retrying")]
    public static partial void StoreUnavailable(ILogger logger, Exception error, string operation);

    [LoggerMessage(1008, LogLevel.Information, "Node {NodeId} registered with {Slots} slots")]
    public static partial void NodeRegistered(ILogger logger, string nodeId, int slots);

    [LoggerMessage(1009, LogLevel.Warning, "Node {NodeId} lost ({Reason}); releasing its {Count} dispatches")]
    public static partial void NodeLost(ILogger logger, string nodeId, string reason, int count);

    [LoggerMessage(1010, LogLevel.Information, "Study {StudyId}: {Command}")]
    public static partial void StudyCommand(ILogger logger, string studyId, string command);

    [LoggerMessage(1011, LogLevel.Warning, "Released trial {TrialId} that the read model showed as dispatched but the journal did not")]
    public static partial void UnjournaledDispatch(ILogger logger, string trialId);

    [LoggerMessage(1012, LogLevel.Warning, "Cancel sent to trial {TrialId} on node {NodeId}")]
    public static partial void CancelSent(ILogger logger, string trialId, string nodeId);

    [LoggerMessage(1013, LogLevel.Error, "Coordinator command {Command} failed")]
    public static partial void CommandFailed(ILogger logger, Exception error, string command);

    [LoggerMessage(1100, LogLevel.Information, "Node {NodeId} started with {Slots} slots")]
    public static partial void NodeStarted(ILogger logger, string nodeId, int slots);

    [LoggerMessage(1101, LogLevel.Information, "Node {NodeId} draining: {Running} running trials handed back")]
    public static partial void Draining(ILogger logger, string nodeId, int running);

    [LoggerMessage(1102, LogLevel.Warning, "Trial {TrialId} on slot {Slot} failed: {Reason}")]
    public static partial void TrialFailedOnSlot(ILogger logger, string trialId, int slot, string reason);

    [LoggerMessage(1103, LogLevel.Information, "Trial {TrialId} on slot {Slot} cancelled: {Reason}")]
    public static partial void TrialCancelledOnSlot(ILogger logger, string trialId, int slot, string reason);

    [LoggerMessage(1104, LogLevel.Debug, "Handed back an assignment of trial {TrialId} that slot {Slot} no longer waited for")]
    public static partial void LateAssignment(ILogger logger, string trialId, int slot);

    [LoggerMessage(1200, LogLevel.Information, "Member {Address} is {Status} (roles {Roles})")]
    public static partial void MemberChanged(ILogger logger, string address, string status, string roles);

    [LoggerMessage(1300, LogLevel.Warning, "Trial counts for the metrics could not be read; the last published values stay")]
    public static partial void MetricsRefreshFailed(ILogger logger, Exception error);
}
