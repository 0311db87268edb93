using Microsoft.Extensions.Logging;

namespace SweepGrid.Server;

/// <summary>The API's log messages; event ids 7000–7099.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Study {StudyId} submitted over HTTP: {TrialCount} trials, {Inserted} new, created {Created}")]
    public static partial void Submitted(ILogger logger, string studyId, int trialCount, int inserted, bool created);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Spec from {Source} refused with {ErrorCount} error(s); first: {First}")]
    public static partial void SpecRefused(ILogger logger, string source, int errorCount, string first);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Why}")]
    public static partial void Unauthorized(ILogger logger, string method, string path, string why);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Refused a request body over {Limit} bytes on {Path}")]
    public static partial void BodyTooLarge(ILogger logger, long limit, string path);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Study {StudyId} cancelled over HTTP; now {State}")]
    public static partial void Cancelled(ILogger logger, string studyId, Store.StudyState state);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Study {StudyId} retried over HTTP: {Requeued} failed trial(s) requeued")]
    public static partial void Retried(ILogger logger, string studyId, int requeued);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Error, Message = "The store failed while serving {Method} {Path}")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error, Message = "The server cannot plan a submitted study: {Reason}")]
    public static partial void PlanningFailed(ILogger logger, Exception exception, string reason);
}
