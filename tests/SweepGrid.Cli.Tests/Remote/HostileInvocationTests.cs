using SweepGrid.Store.Tests.Support;

namespace SweepGrid.Cli.Tests.Remote;

/// <summary>What a new user gets from mistakes and exhausted resources: a message and the documented exit code.</summary>
public sealed class HostileInvocationTests
{
    [Theory]
    [InlineData("list", "--bogus")]
    [InlineData("status", "--db")]
    [InlineData("frobnicate")]
    public async Task A_command_line_that_does_not_parse_exits_2_with_the_reason(params string[] args)
    {
        var (exit, _, error) = await CliHarness.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("sweepgrid: ", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_database_url_is_a_message_with_exit_2_not_a_stack_trace()
    {
        var (exit, _, error) = await CliHarness.RunAsync("list", "--db", "postgres://me:hunter2@db:port/sweeps");

        Assert.Equal(2, exit);
        Assert.Equal("sweepgrid: 'postgres://me:***@db:port/sweeps' is not a valid PostgreSQL URL (invalid port specified); expected postgres://user:password@host[:port]/database (Parameter 'url')\n", error);
    }

    [Fact]
    public async Task Validate_on_an_endless_device_is_refused_with_the_limit()
    {
        var (exit, _, error) = await CliHarness.RunAsync("validate", "/dev/zero");

        Assert.Equal(2, exit);
        Assert.StartsWith("/dev/zero:1:1: the spec is larger than 1,048,576 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_disk_stops_a_command_with_disk_full_and_exit_1()
    {
        using var disk = SmallFileSystem.Mount(kilobytes: 1024);
        var db = Path.Combine(disk.Path, "sweepgrid.db");
        await using (var store = Store.TrialStores.OpenSqlite(db))
        {
            await store.MigrateAsync();
            await store.SubmitStudyAsync(new Store.StudySubmission("s", "s", "study: {name: s}\n",
                [.. Enumerable.Range(0, 200).Select(i => new Store.TrialSubmission($"t{i}", "train", "{}", null, "{}", 0, 3, []))]), DateTimeOffset.UtcNow);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        disk.Fill();

        var (exit, _, error) = await CliHarness.RunAsync("cancel", "s", "--db", db);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.True(exit == 1, error);
        Assert.True(error.StartsWith($"sweepgrid: SQLite database '{db}': disk full", StringComparison.Ordinal), error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_on_a_read_only_file_system_can_be_listed_inspected_and_reported()
    {
        using var disk = SmallFileSystem.Mount(kilobytes: 4096);
        var db = Path.Combine(disk.Path, "sweepgrid.db");
        var now = DateTimeOffset.UtcNow;
        await using (var store = Store.TrialStores.OpenSqlite(db))
        {
            await store.MigrateAsync();
            await store.SubmitStudyAsync(new Store.StudySubmission("frozen", "frozen", "study: {name: frozen}\n",
                [new Store.TrialSubmission("t1", "train", """{"training":{"seed":1}}""", null, """{"seed":"1"}""", 0, 3, [])]), now);
            var lease = (await store.LeaseNextAsync("n", TimeSpan.FromMinutes(1), now))!;
            await store.CompleteAsync(lease, new Store.TrialResults([new Store.ResultRow("clean", "accuracy", 0.97)], "[]", "{}"), now);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        disk.RemountReadOnly();
        var reports = Directory.CreateTempSubdirectory("sweepgrid-ro-reports-");
        try
        {
            var list = await CliHarness.RunAsync("list", "--db", db);
            var status = await CliHarness.RunAsync("status", "frozen", "--db", db);
            var report = await CliHarness.RunAsync("report", "frozen", "--db", db, "--out", reports.FullName);
            var cancel = await CliHarness.RunAsync("cancel", "frozen", "--db", db);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            Assert.True(list.Exit == 0, list.Error);
            Assert.StartsWith("frozen", list.Output, StringComparison.Ordinal);
            Assert.Equal("frozen: running; 1 completed\n", status.Output);
            Assert.True(report.Exit == 0, report.Error);
            Assert.Contains("0.9700", report.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(reports.FullName, "frozen", "results.csv")));
            Assert.Equal(1, cancel.Exit);
            Assert.Contains("read-only", cancel.Error, StringComparison.Ordinal);
        }
        finally
        {
            reports.Delete(recursive: true);
        }
    }
}
