using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SweepGrid.Reports;
using SweepGrid.Server.Problems;
using SweepGrid.Store;

namespace SweepGrid.Server.Studies;

/// <summary>The read routes: list, status, results, report. They use only the store's read half.</summary>
internal static class StudyReads
{
    /// <summary>A status lists at most this many failed trials (the counts are always complete).</summary>
    public const int MaxFailuresListed = 100;

    public static async Task<Ok<List<StudySummary>>> List(ITrialStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListStudiesAsync(ct).ConfigureAwait(false)).Select(StudySummary.From).ToList());

    public static async Task<IResult> Status(string studyId, ITrialStore store, CancellationToken ct)
    {
        if (await store.GetStudyAsync(studyId, ct).ConfigureAwait(false) is not { } study)
        {
            return ApiProblems.NotFound(studyId);
        }
        var counts = await store.CountTrialsByStateAsync(studyId, ct).ConfigureAwait(false);
        var (failures, truncated) = counts[TrialState.Failed] == 0 ? ([], false) : await FailuresAsync(store, studyId, ct).ConfigureAwait(false);
        return TypedResults.Ok(new StudyStatus(
            StudySummary.From(study),
            counts.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value),
            failures,
            truncated));
    }

    public static async Task<IResult> Results(string studyId, ITrialStore store, CancellationToken ct)
    {
        if (await store.GetStudyAsync(studyId, ct).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound(studyId);
        }
        var rows = await store.GetResultsAsync(studyId, ct).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(ResultRowDto.From).ToList());
    }

    public static async Task<IResult> Spec(string studyId, ITrialStore store, CancellationToken ct) =>
        await store.GetStudyAsync(studyId, ct).ConfigureAwait(false) is { } study
            ? TypedResults.Ok(new StudySpec(study.StudyId, study.SpecText))
            : ApiProblems.NotFound(studyId);

    public static async Task<IResult> Report(string studyId, string? format, ITrialStore store, CancellationToken ct)
    {
        var (chosen, contentType) = (format ?? "md").ToLowerInvariant() switch
        {
            "md" => (ReportFormats.Markdown, "text/markdown; charset=utf-8"),
            "csv" => (ReportFormats.Csv, "text/csv; charset=utf-8"),
            "json" => (ReportFormats.Json, "application/json; charset=utf-8"),
            _ => (ReportFormats.None, ""),
        };
        if (chosen == ReportFormats.None)
        {
            return ApiProblems.BadRequest($"format must be md, csv or json (got '{format}')");
        }
        if (await store.GetStudyAsync(studyId, ct).ConfigureAwait(false) is not { } study)
        {
            return ApiProblems.NotFound(studyId);
        }
        var (info, rows) = await StoredResults.LoadAsync(store, study, ct).ConfigureAwait(false);
        return TypedResults.Text(ReportWriter.Render(info, rows, chosen), contentType);
    }

    /// <summary>
    /// The study's failed trials with their reasons: the timeline names which trials failed, and each trial's
    /// record says whether it is still failed (a retried trial is not) and why.
    /// </summary>
    private static async Task<(List<TrialFailure> Failures, bool Truncated)> FailuresAsync(ITrialStore store, string studyId, CancellationToken ct)
    {
        var failed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var page = await store.GetEventsAsync(studyId, after, 1000, ct).ConfigureAwait(false);
            foreach (var e in page.Where(e => e.Kind == StudyEventKinds.TrialFailed && e.TrialId is not null))
            {
                if (seen.Add(e.TrialId!))
                {
                    failed.Add(e.TrialId!);
                }
            }
            if (page.Count < 1000)
            {
                break;
            }
            after = page[^1].Id;
        }
        var failures = new List<TrialFailure>();
        foreach (var trialId in failed)
        {
            if (await store.GetTrialAsync(trialId, ct).ConfigureAwait(false) is { State: TrialState.Failed } trial)
            {
                if (failures.Count == MaxFailuresListed)
                {
                    return (failures, true);
                }
                failures.Add(new TrialFailure(trial.TrialId, trial.LastError ?? "(no reason recorded)", trial.Attempts));
            }
        }
        return (failures, false);
    }
}
