using System.CommandLine;
using SweepGrid.Reports;
using SweepGrid.Reports.Findings;

namespace SweepGrid.Cli.Remote;

/// <summary>
/// <c>report STUDY --server URL</c>: fetches the study's raw result rows and writes the same files the local
/// command writes (into <c>--out</c>/&lt;study&gt;/, atomically) and prints the same accuracy table, findings and
/// flagged models (read from the study's stored spec).
/// </summary>
internal static class RemoteReport
{
    public static async Task<int> WriteAsync(ParseResult parse, StudyApiClient client, TextWriter output, CancellationToken ct)
    {
        var studyId = parse.GetValue<string>("study")!;
        var formats = Formats(parse.GetValue<string?>("--format") ?? "all");
        var status = await client.StatusAsync(studyId, ct).ConfigureAwait(false);
        var rows = (await client.ResultsAsync(studyId, ct).ConfigureAwait(false))
            .Select(r => new ResultRow(r.TrialId, r.Axes, r.Seed, r.Condition, r.Metric, r.Value))
            .ToList();
        if (rows.Count == 0)
        {
            output.WriteLine($"{studyId}: no results yet");
            return ExitCodes.Success;
        }
        var spec = await client.SpecAsync(studyId, ct).ConfigureAwait(false);
        var info = new StudyInfo(status.Study.StudyId, status.Study.Name, status.Study.CreatedAt) { Checks = StudyChecks.FromSpecText(spec.Spec) };
        output.WriteLine(TextRenderer.Render(PivotBuilder.Build(rows)));
        output.Write(ChecksText.Console(FindingCheck.CheckAll(info.Checks, rows), UndertrainedModels.Find(rows, info.Checks.AccuracyFloor)));
        var written = ReportWriter.Write(info, rows, parse.GetValue<string?>("--out") ?? "reports", formats);
        output.WriteLine($"report: {written.Directory} ({written.Files.Count} files)");
        return ExitCodes.Success;
    }

    private static ReportFormats Formats(string format) => format.ToLowerInvariant() switch
    {
        "md" => ReportFormats.Markdown,
        "csv" => ReportFormats.Csv,
        "json" => ReportFormats.Json,
        "svg" => ReportFormats.Svg,
        "all" => ReportFormats.All,
        _ => throw new RemoteFailure(ExitCodes.InvalidInput, [$"--format must be md, csv, json, svg or all (got '{format}')"]),
    };
}
