using System.Diagnostics;
using Npgsql;
using SweepGrid.Orchestration.Control;
using SweepGrid.Store;
using SweepGrid.Store.Tests;
using SweepGrid.Telemetry.Tests;

namespace SweepGrid.Cluster.Tests;

/// <summary>
/// Three `sweepgrid serve` members (both roles) on loopback and a throwaway PostgreSQL: a study keeps going and
/// ends with every trial recorded exactly once through a node's SIGKILL, the singleton host's SIGKILL, a
/// PostgreSQL restart and a member's SIGTERM (which hands its running trials back without spending attempts);
/// while the members run, `sweepgrid run` refuses their database. Trials are no-op trials of a fixed duration, so the test measures orchestration only.
/// A real Prometheus scrapes every member meanwhile: the series the members publish, every operations dashboard
/// query and promtool's lint are checked against it, and the results dashboard's SQL against the finished study.
/// </summary>
public sealed class FailoverTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private const int Trials = 400;
    private static readonly TimeSpan TrialDuration = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    private const string TrainingDefinition = """{"kind":"train","dataset":{"train_limit":1000},"training":{"epochs":2}}""";
    private static readonly double[] Temperatures = [0.5, 1, 2, 4];
    private readonly List<Member> members = [];

    [Fact]
    public async Task A_study_survives_node_loss_singleton_failover_and_a_database_restart_with_every_trial_recorded_once()
    {
        var database = await CreateDatabaseAsync();
        var ports = Enumerable.Range(0, 3).Select(_ => (Akka: Member.FreePort(), Http: Member.FreePort())).ToList();
        var seeds = $"127.0.0.1:{ports[0].Akka},127.0.0.1:{ports[1].Akka}";
        await using var prometheus = await PrometheusServer.StartAsync(ports.Select(p => $"127.0.0.1:{p.Http}"));
        await using var store = TrialStores.OpenPostgres(database);
        await store.MigrateAsync();
        await FailOneTrialAsync(store);
        for (var i = 0; i < 3; i++)
        {
            members.Add(new Member($"m{i + 1}", ports[i].Akka, ports[i].Http, seeds, database, TrialDuration));
        }
        // The first seed starts first, so it is the oldest member and hosts the singleton.
        members[0].Start();
        await members[0].WaitReadyAsync(Ready);
        members[1].Start();
        members[2].Start();
        await Task.WhenAll(members[1].WaitReadyAsync(Ready), members[2].WaitReadyAsync(Ready));

        var study = new StudySubmission("cluster", "cluster", "spec",
            Enumerable.Range(0, Trials).Select(i => new TrialSubmission($"trial-{i:D4}", "train", TrainingDefinition, null,
                $$"""{"temperature":{{Temperatures[i % Temperatures.Length].ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""", 0, 10, [])).ToList());
        await new StoreStudyControl(store).SubmitAsync(study);

        // 1. A node member killed mid-study: its trials are requeued once it is downed.
        await WaitCompletedAsync(store, 15, TimeSpan.FromMinutes(2));
        var (exitCode, problems, exposition) = await ClusterMetricsChecks.PromtoolOnMemberAsync(members[0].HttpPort);
        Assert.True(exitCode == 0 && problems.Length == 0, $"promtool check metrics on member m1's /metrics: {problems}");
        Assert.Contains("process_cpu_seconds_total", exposition, StringComparison.Ordinal);
        await ClusterMetricsChecks.WaitForValueAsync(prometheus, "min(max by (role) (sweepgrid_cluster_members{status=\"up\"}))", v => v == 3,
            "three members up in both roles", TimeSpan.FromSeconds(30));
        await ClusterMetricsChecks.WaitForValueAsync(prometheus, "sum(sweepgrid_slots)", v => v == 6, "2 slots on each of 3 nodes", TimeSpan.FromSeconds(30));
        members[2].Kill();
        await WaitForEventAsync(store, "trial-requeued", "lost", TimeSpan.FromSeconds(60));
        members[2].Start(); // back as a new incarnation, so that three members remain for keep-majority
        await members[2].WaitReadyAsync(Ready);

        // 2. The singleton's host killed: the coordinator restarts on another member from the journal.
        await WaitCompletedAsync(store, 40, TimeSpan.FromMinutes(2));
        members[0].Kill();
        // Counted once the host is gone (Kill waits for its exit): at ten trials a second, outcomes it settled
        // while dying could otherwise make up the ten, before any member had taken over.
        var beforeFailover = Count(await store.CountTrialsByStateAsync("cluster"), TrialState.Completed);
        await WaitCompletedAsync(store, beforeFailover + 10, TimeSpan.FromMinutes(2));
        Assert.True(Count(await store.CountTrialsByStateAsync("cluster"), TrialState.Completed) < Trials, "the study ended before the failover could be observed; make it longer");
        await WaitLoggedAsync("Coordinator recovered", members.Skip(1), TimeSpan.FromSeconds(10));

        // 3. PostgreSQL restarted mid-study: members ride it out.
        await postgres.RestartAsync();
        var afterRestart = await CompletedAsync(store);
        Assert.True(afterRestart < Trials, "the study ended before the database restart could be observed; make it longer");

        // 4. An embedded run on the cluster's database is refused, naming the members.
        var (runExit, runError) = await RunEmbeddedAsync(database);
        Assert.True(runExit == 2, $"sweepgrid run on the cluster's database exited {runExit}, expected 2:\n{runError}");
        Assert.Contains($"cluster member coordinator,node at {members[1].Address}", runError, StringComparison.Ordinal);

        // 5. SIGTERM to a node member mid-trial: it drains, its running trials go back without spending an attempt.
        await WaitCompletedAsync(store, afterRestart + 10, TimeSpan.FromMinutes(2));
        // Progress alone does not say m3 is busy: its slots may be between trials, or still asking a coordinator
        // that has just ridden out the restart. Signal it only once it holds a lease, so there is something to hand back.
        await WaitLeasedToAsync(database, members[2], TimeSpan.FromSeconds(60));
        var terminated = DateTimeOffset.UtcNow;
        var drainedExit = await members[2].TerminateAsync(TimeSpan.FromSeconds(90));
        Assert.True(drainedExit is 0 or 130 or 143, $"member m3 exited {drainedExit} after SIGTERM:\n{members[2].Tail()}");
        var handedBack = (await store.GetEventsAsync("cluster", 0, 100_000))
            .Where(e => e.Kind == "trial-requeued" && e.At >= terminated.AddSeconds(-1) && e.Detail.Contains($"handed back by node {members[2].Address}", StringComparison.Ordinal))
            .ToList();
        Assert.True(handedBack.Count > 0, $"m3 handed no running trial back on SIGTERM:\n{members[2].Tail()}");
        Assert.True(await CompletedAsync(store) < Trials, "the study ended before the SIGTERM could be observed; make it longer");

        await WaitCompletedAsync(store, Trials, TimeSpan.FromMinutes(3));
        var results = await store.GetResultsAsync("cluster");
        Assert.Equal(Trials, results.Count);
        Assert.Equal(Trials, results.Select(r => r.TrialId).Distinct().Count());
        Assert.All(results, r => Assert.Equal(1.0, r.Value)); // the calm run's value for every no-op trial
        var completions = await StudyEventCounts.CountAsync(database, "trial-completed");
        Assert.True(completions == Trials, $"expected one trial-completed event per trial ({Trials}), found {completions}:\n{members[1].Tail()}");
        // Attempts: one per trial, plus one per dispatch lost with a killed node; hand-backs (SIGTERM, drain) spend none.
        var events = await store.GetEventsAsync("cluster", 0, 100_000);
        var lost = events.Where(e => e.Kind == "trial-requeued" && e.Detail.Contains(" lost on node ", StringComparison.Ordinal))
            .GroupBy(e => e.TrialId!).ToDictionary(g => g.Key, g => g.Count());
        var attempts = await AttemptsAsync(database);
        var wrong = attempts.Where(a => a.Value != 1 + lost.GetValueOrDefault(a.Key)).Select(a => $"{a.Key}: {a.Value} attempts, {lost.GetValueOrDefault(a.Key)} lost").ToList();
        Assert.True(wrong.Count == 0, "attempt counts other than 1 + lost dispatches:\n" + string.Join('\n', wrong));
        Assert.All(handedBack, e => Assert.Equal(1 + lost.GetValueOrDefault(e.TrialId!), attempts[e.TrialId!]));

        // What Prometheus read from the members while the study ran.
        var ready = TimeSpan.FromSeconds(30);
        await ClusterMetricsChecks.WaitForValueAsync(prometheus, "max(sweepgrid_trials{study=\"cluster\",state=\"completed\"})", v => v == Trials,
            $"study 'cluster': all {Trials} trials completed in sweepgrid_trials", ready);
        await ClusterMetricsChecks.WaitForValueAsync(prometheus, "sum(max_over_time(sweepgrid_trials_completed_total{study=\"cluster\",outcome=\"completed\"}[10m]))", v => v > 0,
            "study 'cluster': completions counted", ready);
        await ClusterMetricsChecks.WaitForValueAsync(prometheus, "max(max_over_time(sweepgrid_singleton_failovers_total[10m]))", v => v >= 1,
            "a failover counted by the member that took over the coordinator", ready);
        await ClusterMetricsChecks.WaitForValueAsync(prometheus, "sum(max_over_time(sweepgrid_train_samples_total[10m]))", v => v > 0,
            "training samples (train_limit × epochs) counted by the nodes", ready);
        var panelFailures = await ClusterMetricsChecks.OperationsPanelFailuresAsync(prometheus, "cluster", ready);
        Assert.True(panelFailures.Count == 0, "operations dashboard:\n" + string.Join('\n', panelFailures));
        var sqlFailures = await ResultsDashboardChecks.FailuresAsync(database, "cluster", "failures");
        Assert.True(sqlFailures.Count == 0, "results dashboard:\n" + string.Join('\n', sqlFailures));
    }

    public void Dispose()
    {
        foreach (var member in members)
        {
            member.Dispose();
        }
    }

    /// <summary>A second study whose one trial failed for good, so the results dashboard's failed-trials table has a row to show.</summary>
    private static async Task FailOneTrialAsync(ITrialStore store)
    {
        var now = DateTimeOffset.UtcNow;
        await store.SubmitStudyAsync(new StudySubmission("failures", "failures", "spec",
            [new TrialSubmission("failing-trial", "train", TrainingDefinition, null, """{"temperature":8}""", 0, 1, [])]), now);
        var lease = await store.LeaseNextAsync("test-node/0", TimeSpan.FromMinutes(1), now) ?? throw new InvalidOperationException("no trial to lease in study 'failures'");
        var failed = await store.FailAsync(lease, "diverged at epoch 1", retryable: false, now);
        Assert.True(failed.State == TrialState.Failed, $"trial failing-trial of study 'failures' is {failed.State}, expected failed");
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var name = $"cluster_{Guid.NewGuid():N}";
        await postgres.ExecuteAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = name }.ToString();
    }

    private async Task WaitCompletedAsync(ITrialStore store, int completed, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = 0;
        while (clock.Elapsed < timeout)
        {
            try
            {
                last = Count(await store.CountTrialsByStateAsync("cluster"), TrialState.Completed);
                if (last >= completed)
                {
                    return;
                }
            }
            catch (StoreUnavailableException)
            {
                // PostgreSQL is restarting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"study 'cluster': {last} of {completed} trials completed after {timeout.TotalSeconds:0} s\n" +
                                   string.Join("\n---\n", members.Select(m => $"{m.Name}:\n{m.Tail()}")));
    }

    private async Task WaitForEventAsync(ITrialStore store, string kind, string detail, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var events = await store.GetEventsAsync("cluster", 0, 100_000);
            if (events.Any(e => e.Kind == kind && e.Detail.Contains(detail, StringComparison.Ordinal)))
            {
                return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"no {kind} event mentioning '{detail}' within {timeout.TotalSeconds:0} s\n{members[0].Tail()}");
    }

    /// <summary>Waits until one of <paramref name="candidates"/> has logged <paramref name="line"/> (their output is read asynchronously).</summary>
    private static async Task WaitLoggedAsync(string line, IEnumerable<Member> candidates, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!candidates.Any(m => m.Log.Contains(line, StringComparison.Ordinal)))
        {
            Assert.True(clock.Elapsed < timeout, $"no member among {string.Join(", ", candidates.Select(m => m.Name))} logged '{line}' within {timeout.TotalSeconds:0} s:\n" +
                                                 string.Join("\n---\n", candidates.Select(m => $"{m.Name}:\n{m.Tail()}")));
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until a trial of the study is leased to <paramref name="member"/>'s node (its node ids start with its address).</summary>
    private async Task WaitLeasedToAsync(string database, Member member, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM trials t JOIN study_trials st ON st.trial_id = t.id " +
                "WHERE st.study_id = 'cluster' AND t.state = 'leased' AND t.lease_owner LIKE @owner", connection);
            command.Parameters.AddWithValue("owner", member.Address + "/%");
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"no trial of study 'cluster' was leased to {member.Name} ({member.Address}) within {timeout.TotalSeconds:0} s\n" +
                                   string.Join("\n---\n", members.Select(m => $"{m.Name}:\n{m.Tail()}")));
    }

    private static async Task<Dictionary<string, int>> AttemptsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT t.id, t.attempts FROM trials t JOIN study_trials st ON st.trial_id = t.id WHERE st.study_id = 'cluster'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            attempts[reader.GetString(0)] = reader.GetInt32(1);
        }
        return attempts;
    }

    /// <summary>`sweepgrid run` on the cluster's database, which it must refuse before touching it.</summary>
    private static async Task<(int ExitCode, string Error)> RunEmbeddedAsync(string database)
    {
        var spec = Path.Combine(Path.GetTempPath(), $"sweepgrid-cluster-run-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(spec, """
            study:
              name: refused
            dataset:
              name: mnist
              train_limit: 100
              test_limit: 100
            model:
              kind: mlp
            training:
              epochs: 1
            evaluation:
              - clean
            """);
        try
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "sweepgrid.dll"), "run", spec, "--db", database, "--data", SweepGrid.Robustness.Tests.Support.TestData.MnistDirectory })
            {
                info.ArgumentList.Add(argument);
            }
            using var run = Process.Start(info)!;
            var output = run.StandardOutput.ReadToEndAsync();
            var error = run.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await run.WaitForExitAsync(timeout.Token);
            return (run.ExitCode, await error + await output);
        }
        finally
        {
            File.Delete(spec);
        }
    }

    private static async Task<int> CompletedAsync(ITrialStore store)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Count(await store.CountTrialsByStateAsync("cluster"), TrialState.Completed);
            }
            catch (StoreUnavailableException) when (attempt < 50)
            {
                await Task.Delay(200); // PostgreSQL is still restarting
            }
        }
    }

    private static int Count(IReadOnlyDictionary<TrialState, int> counts, TrialState state) => counts.TryGetValue(state, out var n) ? n : 0;
}
