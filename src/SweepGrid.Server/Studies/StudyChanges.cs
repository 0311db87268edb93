using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SweepGrid.Orchestration.Control;
using SweepGrid.Server.Planning;
using SweepGrid.Server.Problems;
using SweepGrid.Sweeps;

namespace SweepGrid.Server.Studies;

/// <summary>The routes that change a study: submit, cancel, retry. They go through <see cref="IStudyControl"/>.</summary>
internal static class StudyChanges
{
    /// <summary>The name spec errors are reported against when the client does not give one (<c>?file=</c>).</summary>
    public const string DefaultSpecName = "request";

    public static async Task<IResult> Submit(HttpRequest request, IOptions<ApiOptions> options, ISubmissionPlanner planner, IStudyControl control, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(StudyChanges));
        var (content, problem) = await SpecBody.ReadAsync(request, options.Value.MaxBodyBytes, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            if (problem is IStatusCodeHttpResult { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                ApiLog.BodyTooLarge(logger, options.Value.MaxBodyBytes, request.Path);
            }
            return problem;
        }
        var source = request.Query["file"].FirstOrDefault() is { Length: > 0 and <= 256 } file ? file : DefaultSpecName;
        Store.StudySubmission submission;
        try
        {
            var spec = SweepSpec.ParseUtf8(content!.Spec, source);
            submission = planner.Plan(spec, content.Profile, System.Text.Encoding.UTF8.GetString(content.Spec));
        }
        catch (SpecException e)
        {
            ApiLog.SpecRefused(logger, source, e.Errors.Count, e.Errors.Count > 0 ? e.Errors[0].ToString() : e.Message);
            return ApiProblems.InvalidSpec(e);
        }
        catch (Exception e) when (e is Robustness.Datasets.DatasetException or IOException)
        {
            ApiLog.PlanningFailed(logger, e, e.Message);
            return ApiProblems.ServerError("Cannot plan the study", $"the server cannot read the dataset it needs to compute trial ids: {e.Message}");
        }
        var result = await control.SubmitAsync(submission, ct).ConfigureAwait(false);
        ApiLog.Submitted(logger, result.Study.StudyId, result.Study.TrialCount, result.TrialsInserted, result.StudyCreated);
        var body = new SubmitResponse(StudySummary.From(result.Study), result.StudyCreated, result.TrialsInserted, result.TrialsLinked);
        return result.StudyCreated
            ? TypedResults.Created($"/api/v1/studies/{Uri.EscapeDataString(result.Study.StudyId)}", body)
            : TypedResults.Ok(body);
    }

    public static async Task<IResult> Cancel(string studyId, IStudyControl control, ILoggerFactory loggers, CancellationToken ct)
    {
        if (await control.CancelAsync(studyId, ct).ConfigureAwait(false) is not { } study)
        {
            return ApiProblems.NotFound(studyId);
        }
        var logger = loggers.CreateLogger(typeof(StudyChanges));
        ApiLog.Cancelled(logger, study.StudyId, study.State);
        return TypedResults.Ok(StudySummary.From(study));
    }

    public static async Task<IResult> Retry(string studyId, IStudyControl control, ILoggerFactory loggers, CancellationToken ct)
    {
        RetryResult result;
        try
        {
            result = await control.RetryAsync(studyId, ct).ConfigureAwait(false);
        }
        catch (NotSupportedException e)
        {
            return ApiProblems.NotSupported(e.Message);
        }
        if (!result.Found)
        {
            return ApiProblems.NotFound(studyId);
        }
        var logger = loggers.CreateLogger(typeof(StudyChanges));
        ApiLog.Retried(logger, result.StudyId, result.Requeued);
        return TypedResults.Ok(new RetryResponse(result.StudyId, result.Requeued));
    }
}
