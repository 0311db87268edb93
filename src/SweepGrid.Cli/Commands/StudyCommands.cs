using System.CommandLine;
using System.Globalization;
using SweepGrid.Cli.Studies;
using SweepGrid.Orchestration.Control;
using SweepGrid.Orchestration.Embedded;
using SweepGrid.Reports;
using SweepGrid.Reports.Findings;
using SweepGrid.Store;

namespace SweepGrid.Cli.Commands;

/// <summary>`sweepgrid list`, `status [STUDY]`, `cancel STUDY` and `report STUDY`: reading and steering stored studies.</summary>
public static class StudyCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        yield return List(output, error);
        yield return Status(output, error);
        yield return Cancel(output, error);
        yield return Retry(output, error);
        yield return Report(output, error);
    }

    private static Option<string?> Db() => new("--db") { Description = "Store: SQLite file (default ./sweepgrid.db or $SWEEPGRID_DB) or a PostgreSQL connection string / postgres:// URL." };

    private static Command List(TextWriter output, TextWriter error)
    {
        var db = Db();
        var command = new Command("list", "List the studies in the store.") { db };
        command.SetAction((parse, ct) => WithStore(parse.GetValue(db), error, async store =>
        {
            foreach (var study in await store.ListStudiesAsync(ct).ConfigureAwait(false))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.StudyId,-32} {study.State.ToString().ToLowerInvariant(),-10} {study.TrialCount,6} trials  created {study.CreatedAt:yyyy-MM-dd HH:mm}"));
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Status(TextWriter output, TextWriter error)
    {
        var db = Db();
        var study = new Argument<string?>("study") { Description = "Study id (default: every study).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Trial counts by state, per study.") { study, db };
        command.SetAction((parse, ct) => WithStore(parse.GetValue(db), error, async store =>
        {
            var wanted = parse.GetValue(study);
            var studies = (await store.ListStudiesAsync(ct).ConfigureAwait(false)).Where(s => wanted is null || s.StudyId == wanted).ToList();
            if (wanted is not null && studies.Count == 0)
            {
                error.WriteLine($"sweepgrid status: no study '{wanted}' in {store.DatabaseName}");
                return ExitCodes.InvalidInput;
            }
            foreach (var s in studies)
            {
                var counts = await store.CountTrialsByStateAsync(s.StudyId, ct).ConfigureAwait(false);
                output.WriteLine($"{s.StudyId}: {s.State.ToString().ToLowerInvariant()}; " + string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}")));
                if (wanted is not null && counts[TrialState.Failed] > 0)
                {
                    await FailureReasons.PrintAsync(store, s.StudyId, output, ct).ConfigureAwait(false);
                }
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Cancel(TextWriter output, TextWriter error)
    {
        var db = Db();
        var study = new Argument<string>("study") { Description = "Study id." };
        var command = new Command("cancel", "Cancel a study: queued trials are cancelled, running ones stop at their next heartbeat.") { study, db };
        command.SetAction((parse, ct) => WithStore(parse.GetValue(db), error, async store =>
        {
            var record = await new StoreStudyControl(store).CancelAsync(parse.GetValue(study)!, ct).ConfigureAwait(false);
            if (record is null)
            {
                error.WriteLine($"sweepgrid cancel: no study '{parse.GetValue(study)}' in {store.DatabaseName}");
                return ExitCodes.InvalidInput;
            }
            output.WriteLine($"{record.StudyId}: {record.State.ToString().ToLowerInvariant()}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Retry(TextWriter output, TextWriter error)
    {
        var db = Db();
        var study = new Argument<string>("study") { Description = "Study id." };
        var command = new Command("retry", "Give the study's failed trials fresh attempts; `run` (or a running cluster) then runs them.") { study, db };
        command.SetAction((parse, ct) => WithStore(parse.GetValue(db), error, async store =>
        {
            var result = await new StoreStudyControl(store).RetryAsync(parse.GetValue(study)!, ct).ConfigureAwait(false);
            if (!result.Found)
            {
                error.WriteLine($"sweepgrid retry: no study '{result.StudyId}' in {store.DatabaseName}");
                return ExitCodes.InvalidInput;
            }
            output.WriteLine($"{result.StudyId}: {result.Requeued} failed trial(s) requeued");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Report(TextWriter output, TextWriter error)
    {
        var db = Db();
        var study = new Argument<string>("study") { Description = "Study id." };
        var format = new Option<string>("--format") { Description = "md, csv, json, svg or all.", DefaultValueFactory = _ => "all" };
        var outDir = new Option<string>("--out") { Description = "Folder for reports/<study>/.", DefaultValueFactory = _ => "reports" };
        var command = new Command("report", "Write the study's tables, charts and raw results, and print its accuracy table.") { study, db, format, outDir };
        command.SetAction((parse, ct) => WithStore(parse.GetValue(db), error, async store =>
        {
            var record = await store.GetStudyAsync(parse.GetValue(study)!, ct).ConfigureAwait(false);
            if (record is null)
            {
                error.WriteLine($"sweepgrid report: no study '{parse.GetValue(study)}' in {store.DatabaseName}");
                return ExitCodes.InvalidInput;
            }
            var formats = parse.GetValue(format)!.ToLowerInvariant() switch
            {
                "md" => ReportFormats.Markdown,
                "csv" => ReportFormats.Csv,
                "json" => ReportFormats.Json,
                "svg" => ReportFormats.Svg,
                "all" => ReportFormats.All,
                var other => throw new ArgumentException($"--format must be md, csv, json, svg or all (got '{other}')"),
            };
            await WriteReportAsync(store, record, parse.GetValue(outDir)!, formats, output, ct).ConfigureAwait(false);
            await FailureReasons.PrintAsync(store, record.StudyId, output, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Writes the report files and prints the accuracy pivot.</summary>
    public static async Task WriteReportAsync(ITrialStore store, StudyRecord record, string outDir, ReportFormats formats, TextWriter output, CancellationToken ct)
    {
        var (info, rows) = await StudyReports.LoadAsync(store, record, ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            output.WriteLine($"{record.StudyId}: no results yet");
            return;
        }
        output.WriteLine(TextRenderer.Render(PivotBuilder.Build(rows)));
        output.Write(ChecksText.Console(FindingCheck.CheckAll(info.Checks, rows), UndertrainedModels.Find(rows, info.Checks.AccuracyFloor)));
        // The papers' figures (curves per training arm, per-epoch curves, bars, per-class tables) beside the tables,
        // written first, so that the tables' removal of stale charts knows them as current and every file is only
        // ever replaced, never deleted and written again.
        IReadOnlyList<string> figures = formats.HasFlag(ReportFormats.Svg)
            ? (await StudyReports.WriteFiguresAsync(store, info, rows, outDir, ct).ConfigureAwait(false)).Files
            : [];
        var written = ReportWriter.Write(info, rows, outDir, formats, writtenAlongside: figures);
        output.WriteLine($"report: {written.Directory} ({written.Files.Count + figures.Count} files)");
    }

    internal static async Task<int> WithStore(string? location, TextWriter error, Func<ITrialStore, Task<int>> action)
    {
        try
        {
            await using var store = StoreLocation.Open(location);
            await store.MigrateAsync().ConfigureAwait(false);
            return await action(store).ConfigureAwait(false);
        }
        catch (DatabaseInUseException e)
        {
            // Another `run` or a cluster coordinates this database: a refusal of the request, not a failure.
            error.WriteLine($"sweepgrid: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (StoreException e)
        {
            error.WriteLine($"sweepgrid: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"sweepgrid: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
