using System.CommandLine;
using System.Runtime.InteropServices;
using Prometheus;
using Spectre.Console;
using SweepGrid.Cli.Studies;
using SweepGrid.Orchestration.Embedded;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Orchestration.Slots;
using SweepGrid.Reports;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Store;
using SweepGrid.Sweeps;
using SweepGrid.Robustness;
using Device = TorchSharp.torch.Device;

namespace SweepGrid.Cli.Commands;

/// <summary>
/// `sweepgrid run FILE`: the embedded mode — coordinator, a local node and SQLite in one process. Ctrl-C
/// (or SIGTERM) hands running trials back and exits; the same command resumes without repeating any
/// completed trial. At the end the study's report is written and its accuracy table printed. With
/// <c>--metrics-port N</c> it serves Prometheus metrics at <c>http://127.0.0.1:N/metrics</c> while it runs.
/// </summary>
public static class RunCommand
{
    public static Command Create(SweepGridOptions configured, TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The sweep spec (YAML)." };
        var profile = new Option<string?>("--profile") { Description = "A profile of the spec, e.g. quick." };
        var db = new Option<string?>("--db") { Description = "Store: SQLite file (default ./sweepgrid.db or $SWEEPGRID_DB) or a PostgreSQL connection string / postgres:// URL." };
        var slots = new Option<int?>("--slots") { Description = "Parallel trials (default: one per core)." };
        var threads = new Option<int?>("--threads") { Description = "libtorch threads per slot (default 1: faster for MNIST-scale models)." };
        var device = new Option<string>("--device") { Description = "cpu or cuda[:N].", DefaultValueFactory = _ => "cpu" };
        var data = new Option<string?>("--data") { Description = "Dataset folder (default: $SWEEPGRID_DATA)." };
        var reports = new Option<string>("--reports") { Description = "Folder for reports/<study>/.", DefaultValueFactory = _ => "reports" };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while running (1-65535)." };
        var command = new Command("run", "Run a study on this machine (embedded mode); run it again to resume.") { file, profile, db, slots, threads, device, data, reports, metricsPort };
        command.SetAction(async (parse, cancellation) =>
        {
            StudyPlan plan;
            string specText;
            Device chosen;
            SlotLayout layout;
            var dataDirectory = parse.GetValue(data) ?? configured.Data;
            if (parse.GetValue(metricsPort) is { } port && port is < 1 or > 65535)
            {
                error.WriteLine($"sweepgrid run: --metrics-port must be 1-65535 (got {port})");
                return ExitCodes.InvalidInput;
            }
            try
            {
                // Read once: the spec may come from a pipe (`run <(generate-spec)`), which cannot be read twice.
                specText = SweepSpec.ReadText(parse.GetValue(file)!);
                var spec = SweepSpec.Parse(specText, parse.GetValue(file)!);
                plan = StudyFiles.ExpandForRun(spec, parse.GetValue(profile), dataDirectory);
                chosen = TorchRuntime.ParseDevice(parse.GetValue(device)!);
                layout = SlotLayout.Fit(Environment.ProcessorCount, parse.GetValue(slots), parse.GetValue(threads));
            }
            catch (SpecException e)
            {
                e.Errors.ToList().ForEach(problem => error.WriteLine(problem.ToString()));
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is DatasetException or FormatException or ArgumentException or IOException)
            {
                error.WriteLine($"sweepgrid run: {e.Message}");
                return ExitCodes.InvalidInput;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            var metrics = parse.GetValue(metricsPort) is null ? null : ProcessMetrics.Get();
            using var exporter = parse.GetValue(metricsPort) is { } served ? new KestrelMetricServer("127.0.0.1", served) : null;
            exporter?.Start();
            return await StudyCommands.WithStore(parse.GetValue(db), error, async opened =>
            {
                var store = metrics is null ? opened : new TimedTrialStore(opened, metrics);
                var submission = StudySubmissions.From(plan, specText);
                output.WriteLine($"{submission.StudyId}: {plan.Summary.Trainings} trainings, {plan.Summary.Ensembles} ensembles on {layout.Slots} slot(s) × {layout.ThreadsPerSlot} thread(s), store {store.DatabaseName}");
                var executor = new ScienceTrialExecutor(store, dataDirectory, chosen, TimeProvider.System);
                var node = new NodeOptions { NodeId = NodeIds.New($"{Environment.MachineName}-embedded"), Slots = layout.Slots, ThreadsPerSlot = layout.ThreadsPerSlot, Device = chosen.ToString() };
                var runner = new EmbeddedRunner(store, StoreLocation.Journal(parse.GetValue(db)), executor, node) { ProgressInterval = TimeSpan.FromMilliseconds(100), Counts = new OrchestrationCounts(metrics) };
                RunEnd end;
                if (!Console.IsOutputRedirected && output == Console.Out)
                {
                    end = RunEnd.Interrupted;
                    await AnsiConsole.Live(new Table()).StartAsync(async live =>
                        end = await runner.RunAsync(submission, p => live.UpdateTarget(ProgressView.Render(p)), stop.Token).ConfigureAwait(false)).ConfigureAwait(false);
                }
                else
                {
                    end = await runner.RunAsync(submission, new ProgressView(output).Show, stop.Token).ConfigureAwait(false);
                }
                if (end == RunEnd.Interrupted)
                {
                    output.WriteLine($"{submission.StudyId}: interrupted; run the same command to resume");
                    return ExitCodes.Cancelled;
                }
                var record = await store.GetStudyAsync(submission.StudyId, CancellationToken.None).ConfigureAwait(false);
                await StudyCommands.WriteReportAsync(store, record!, parse.GetValue(reports)!, ReportFormats.All, output, CancellationToken.None).ConfigureAwait(false);
                var counts = await store.CountTrialsByStateAsync(submission.StudyId, CancellationToken.None).ConfigureAwait(false);
                if (counts[TrialState.Failed] > 0)
                {
                    output.WriteLine($"{submission.StudyId}: {counts[TrialState.Failed]} trial(s) failed; `sweepgrid retry {submission.StudyId}` runs them again:");
                    await FailureReasons.PrintAsync(store, submission.StudyId, output, CancellationToken.None).ConfigureAwait(false);
                    return ExitCodes.Failure;
                }
                return ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }
}
