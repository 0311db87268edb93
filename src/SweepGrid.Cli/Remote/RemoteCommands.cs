using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using SweepGrid.Server.Studies;
using SweepGrid.Sweeps;

namespace SweepGrid.Cli.Remote;

/// <summary>
/// Adds <c>--server URL</c> and <c>--token T</c> (or <c>$SWEEPGRID_SERVER</c>, <c>$SWEEPGRID_TOKEN</c>) to
/// <c>list</c>, <c>status</c>, <c>cancel</c>, <c>retry</c> and <c>report</c>, and adds <c>submit</c>. With a server
/// the command goes to the HTTP API; without one it keeps its local-database behaviour. Output matches the local
/// commands' lines.
/// </summary>
public static class RemoteCommands
{
    public const string ServerVariable = "SWEEPGRID_SERVER";
    public const string TokenVariable = "SWEEPGRID_TOKEN";

    private static readonly string[] Wrapped = ["list", "status", "cancel", "retry", "report"];

    /// <summary>
    /// Hooks the remote client into <paramref name="root"/>; call after every command is added. <paramref name="handler"/>
    /// is the HTTP handler to use and <paramref name="environment"/> reads environment variables (null for the defaults).
    /// </summary>
    public static void Attach(RootCommand root, TextWriter output, TextWriter error, HttpMessageHandler? handler = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        foreach (var name in Wrapped)
        {
            var command = root.Subcommands.FirstOrDefault(c => c.Name == name) ?? AddRemoteOnly(root, name);
            Wrap(command, output, error, handler, environment);
        }
        var submit = new Command("submit", "Submit (or resume) a study on a SweepGrid server (needs --server).")
        {
            new Argument<string>("spec") { Description = "The sweep spec (YAML)." },
            new Option<string?>("--profile") { Description = "A profile of the spec, e.g. quick." },
        };
        root.Subcommands.Add(submit);
        Wrap(submit, output, error, handler, environment);
    }

    /// <summary>A command that exists only remotely in this build (its local form is added elsewhere when it exists).</summary>
    private static Command AddRemoteOnly(RootCommand root, string name)
    {
        var command = new Command(name, name == "retry" ? "Requeue a study's failed trials." : $"{name} a study.")
        {
            new Argument<string>("study") { Description = "Study id." },
        };
        root.Subcommands.Add(command);
        return command;
    }

    private static void Wrap(Command command, TextWriter output, TextWriter error, HttpMessageHandler? handler, Func<string, string?> environment)
    {
        var server = new Option<string?>("--server") { Description = $"A SweepGrid server's URL, e.g. http://coordinator:5080 (default ${ServerVariable}); without it the local store is used." };
        var token = new Option<string?>("--token") { Description = $"The server's API token (default ${TokenVariable})." };
        command.Options.Add(server);
        command.Options.Add(token);
        var local = command.Action;
        command.SetAction(async (parse, ct) =>
        {
            var url = parse.GetValue(server) ?? environment(ServerVariable);
            if (string.IsNullOrWhiteSpace(url))
            {
                return local switch
                {
                    AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parse, ct).ConfigureAwait(false),
                    SynchronousCommandLineAction synchronous => synchronous.Invoke(parse),
                    _ => LocalUnavailable(command.Name, error),
                };
            }
            try
            {
                using var client = new StudyApiClient(StudyApiClient.ParseServer(url), parse.GetValue(token) ?? environment(TokenVariable), handler);
                return await RunAsync(command.Name, parse, client, output, ct).ConfigureAwait(false);
            }
            catch (RemoteFailure failure)
            {
                foreach (var line in failure.Lines)
                {
                    error.WriteLine(failure.Verbatim ? line : $"sweepgrid {command.Name}: {line}");
                }
                return failure.ExitCode;
            }
            catch (SpecException e)
            {
                e.Errors.ToList().ForEach(problem => error.WriteLine(problem.ToString()));
                error.WriteLine($"{e.Errors.Count} error(s)");
                return ExitCodes.InvalidInput;
            }
        });
    }

    private static int LocalUnavailable(string name, TextWriter error)
    {
        error.WriteLine($"sweepgrid {name}: needs --server URL (or ${ServerVariable}); to run a study on this machine use `sweepgrid run SPEC`");
        return ExitCodes.InvalidInput;
    }

    private static async Task<int> RunAsync(string name, ParseResult parse, StudyApiClient client, TextWriter output, CancellationToken ct)
    {
        switch (name)
        {
            case "submit":
                var file = parse.GetValue<string>("spec")!;
                var text = SweepSpec.ReadText(file);
                var submitted = await client.SubmitAsync(System.Text.Encoding.UTF8.GetBytes(text), file, parse.GetValue<string?>("--profile"), ct).ConfigureAwait(false);
                output.WriteLine($"{submitted.Study.StudyId}: {(submitted.Created ? "submitted" : "resumed")}, {submitted.Study.TrialCount} trials ({submitted.TrialsInserted} new); {submitted.Study.State}");
                return ExitCodes.Success;
            case "list":
                foreach (var study in await client.ListAsync(ct).ConfigureAwait(false))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{study.StudyId,-32} {study.State,-10} {study.TrialCount,6} trials  created {study.CreatedAt.ToUniversalTime():yyyy-MM-dd HH:mm}"));
                }
                return ExitCodes.Success;
            case "status":
                var wanted = parse.GetValue<string?>("study");
                var ids = wanted is null ? (await client.ListAsync(ct).ConfigureAwait(false)).Select(s => s.StudyId).ToList() : [wanted];
                foreach (var id in ids)
                {
                    WriteStatus(await client.StatusAsync(id, ct).ConfigureAwait(false), output);
                }
                return ExitCodes.Success;
            case "cancel":
                var cancelled = await client.CancelAsync(parse.GetValue<string>("study")!, ct).ConfigureAwait(false);
                output.WriteLine($"{cancelled.StudyId}: {cancelled.State}");
                return ExitCodes.Success;
            case "retry":
                var retried = await client.RetryAsync(parse.GetValue<string>("study")!, ct).ConfigureAwait(false);
                output.WriteLine($"{retried.StudyId}: {retried.Requeued} failed trial(s) requeued");
                return ExitCodes.Success;
            default:
                return await RemoteReport.WriteAsync(parse, client, output, ct).ConfigureAwait(false);
        }
    }

    private static void WriteStatus(StudyStatus status, TextWriter output)
    {
        output.WriteLine($"{status.Study.StudyId}: {status.Study.State}; " + string.Join(", ", status.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}")));
        foreach (var failure in status.Failures)
        {
            output.WriteLine($"  failed {failure.TrialId}: {failure.Reason} (attempt {failure.Attempts})");
        }
        if (status.FailuresTruncated)
        {
            output.WriteLine($"  … more failed trials than the {status.Failures.Count} listed");
        }
    }
}
