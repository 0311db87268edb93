using SweepGrid.Server.Tests.Support;

namespace SweepGrid.Cli.Tests.Remote;

/// <summary>`sweepgrid submit|list|status|cancel|retry|report --server URL` against a real API server.</summary>
public sealed class RemoteCommandTests : IDisposable
{
    private const string Spec = """
        study: {name: remote-tiny, accuracy_floor: 0.95}
        dataset: {train_limit: 200, test_limit: 100}
        training: {epochs: 2}
        seeds: 2
        evaluation: [clean]
        profiles:
          quick: {training.epochs: 1}
        """;

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("sweepgrid-remote-");

    private string SpecFile(string text = Spec)
    {
        var path = Path.Combine(dir.FullName, "remote.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Submit_list_status_and_cancel_go_to_the_server_with_the_local_commands_output()
    {
        await using var server = await ApiServer.StartAsync();
        string[] remote = ["--server", server.Address.ToString(), "--token", ApiServer.Token];

        var submit = await CliHarness.RunAsync(["submit", SpecFile(), "--profile", "quick", .. remote]);
        var again = await CliHarness.RunAsync(["submit", SpecFile(), "--profile", "quick", .. remote]);
        var list = await CliHarness.RunAsync(["list", .. remote]);
        var status = await CliHarness.RunAsync(["status", "remote-tiny@quick", .. remote]);
        var cancel = await CliHarness.RunAsync(["cancel", "remote-tiny@quick", .. remote]);

        Assert.Equal((0, "remote-tiny@quick: submitted, 2 trials (2 new); running\n"), (submit.Exit, submit.Output));
        Assert.Equal("remote-tiny@quick: resumed, 2 trials (0 new); running\n", again.Output);
        Assert.Matches(@"^remote-tiny@quick\s+running\s+2 trials  created \d{4}-\d\d-\d\d \d\d:\d\d\n$", list.Output);
        Assert.Equal("remote-tiny@quick: running; 2 queued\n", status.Output);
        Assert.Equal((0, "remote-tiny@quick: cancelled\n"), (cancel.Exit, cancel.Output));
        Assert.Equal(2, (await server.Store.CountTrialsByStateAsync("remote-tiny@quick"))[Store.TrialState.Cancelled]);
    }

    [Fact]
    public async Task Status_prints_why_each_failed_trial_failed_and_report_writes_the_local_report_files()
    {
        await using var server = await ApiServer.StartAsync();
        string[] remote = ["--server", server.Address.ToString(), "--token", ApiServer.Token];
        Assert.Equal(0, (await CliHarness.RunAsync(["submit", SpecFile(), .. remote])).Exit);
        var now = DateTimeOffset.UtcNow;
        var done = (await server.Store.LeaseNextAsync("n", TimeSpan.FromMinutes(1), now))!;
        await server.Store.CompleteAsync(done, new Store.TrialResults([new Store.ResultRow("clean", "accuracy", 0.93)], "[]", "{}"), now);
        var failed = (await server.Store.LeaseNextAsync("n", TimeSpan.FromMinutes(1), now))!;
        await server.Store.FailAsync(failed, "diverged at epoch 2", retryable: false, now);

        var status = await CliHarness.RunAsync(["status", .. remote]);
        var report = await CliHarness.RunAsync(["report", "remote-tiny", "--out", dir.FullName, .. remote]);

        Assert.Equal($"remote-tiny: running; 1 completed, 1 failed\n  failed {failed.TrialId}: diverged at epoch 2 (attempt 1)\n", status.Output);
        Assert.True(report.Exit == 0, report.Error);
        Assert.Contains("0.9300", report.Output, StringComparison.Ordinal);
        // The floor comes from the spec the server stored: the remote report flags the model as the local one does.
        Assert.Contains("warning: 1 model(s) barely learned the task", report.Output, StringComparison.Ordinal);
        Assert.Contains($"report: {Path.Combine(dir.FullName, "remote-tiny")}", report.Output, StringComparison.Ordinal);
        Assert.Contains("0.93", File.ReadAllText(Path.Combine(dir.FullName, "remote-tiny", "results.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_spec_prints_the_servers_validator_lines_against_the_file_and_exits_2()
    {
        await using var server = await ApiServer.StartAsync();
        var file = SpecFile("study: {name: bad}\ntraining: {epochs: 0}\n");

        var (exit, output, error) = await CliHarness.RunAsync("submit", file, "--server", server.Address.ToString(), "--token", ApiServer.Token);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith($"{file}:2:", error, StringComparison.Ordinal);
        Assert.Contains("training.epochs", error, StringComparison.Ordinal);
        Assert.EndsWith("1 error(s)\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_and_token_come_from_the_environment_and_a_wrong_token_exits_2_saying_how_to_give_one()
    {
        await using var server = await ApiServer.StartAsync();
        var environment = new Dictionary<string, string> { ["SWEEPGRID_SERVER"] = server.Address.ToString(), ["SWEEPGRID_TOKEN"] = "wrong" };

        var refused = await CliHarness.RunWithEnvironmentAsync(environment, "list");
        environment["SWEEPGRID_TOKEN"] = ApiServer.Token;
        var allowed = await CliHarness.RunWithEnvironmentAsync(environment, "list");

        Assert.Equal(2, refused.Exit);
        Assert.Contains("sweepgrid list: the bearer token is not the one this server is configured with", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--token or $SWEEPGRID_TOKEN", refused.Error, StringComparison.Ordinal);
        Assert.Equal((0, ""), (allowed.Exit, allowed.Error));
    }

    [Fact]
    public async Task Unknown_studies_exit_2_and_retry_requeues_the_failed_trials_it_finds()
    {
        await using var server = await ApiServer.StartAsync();
        string[] remote = ["--server", server.Address.ToString(), "--token", ApiServer.Token];
        Assert.Equal(0, (await CliHarness.RunAsync(["submit", SpecFile(), .. remote])).Exit);

        var unknown = await CliHarness.RunAsync(["status", "nope", .. remote]);
        var retry = await CliHarness.RunAsync(["retry", "remote-tiny", .. remote]);
        var retryUnknown = await CliHarness.RunAsync(["retry", "nope", .. remote]);

        Assert.Equal((2, "sweepgrid status: no study 'nope' (GET /api/v1/studies lists them)\n"), (unknown.Exit, unknown.Error));
        Assert.Equal((0, "remote-tiny: 0 failed trial(s) requeued\n"), (retry.Exit, retry.Output));
        Assert.Equal(2, retryUnknown.Exit);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1", 1, "sweepgrid list: cannot reach the SweepGrid server at http://127.0.0.1:1/: Connection refused")]
    [InlineData("ftp://example", 2, "sweepgrid list: --server must be an http:// or https:// URL")]
    public async Task An_unreachable_or_malformed_server_is_a_message_not_a_stack_trace(string url, int expectedExit, string message)
    {
        var (exit, _, error) = await CliHarness.RunAsync("list", "--server", url);

        Assert.Equal(expectedExit, exit);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_without_a_server_says_it_needs_one()
    {
        var (exit, _, error) = await CliHarness.RunAsync("submit", SpecFile());

        Assert.Equal(2, exit);
        Assert.Contains("sweepgrid submit: needs --server URL (or $SWEEPGRID_SERVER)", error, StringComparison.Ordinal);
    }

    public void Dispose() => dir.Delete(recursive: true);
}
