using System.Diagnostics;
using Npgsql;
using SweepGrid.Orchestration.Control;
using SweepGrid.Store;
using SweepGrid.Store.Tests;

namespace SweepGrid.Cluster.Tests;

/// <summary>
/// Three `sweepgrid serve` members (both roles) on loopback and a throwaway PostgreSQL: a study keeps going and
/// ends with every trial recorded exactly once through a node's SIGKILL, the singleton host's SIGKILL and a
/// PostgreSQL restart. Trials are no-op trials of a fixed duration, so the test measures orchestration only.
/// </summary>
public sealed class FailoverTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private const int Trials = 400;
    private static readonly TimeSpan TrialDuration = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    private readonly List<Member> members = [];

    [Fact]
    public async Task A_study_survives_node_loss_singleton_failover_and_a_database_restart_with_every_trial_recorded_once()
    {
        var database = await CreateDatabaseAsync();
        var ports = Enumerable.Range(0, 3).Select(_ => (Akka: Member.FreePort(), Http: Member.FreePort())).ToList();
        var seeds = $"127.0.0.1:{ports[0].Akka},127.0.0.1:{ports[1].Akka}";
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

        await using var store = TrialStores.OpenPostgres(database);
        await store.MigrateAsync();
        var study = new StudySubmission("cluster", "cluster", "spec",
            Enumerable.Range(0, Trials).Select(i => new TrialSubmission($"trial-{i:D4}", "train", "{}", null, "{}", 0, 10, [])).ToList());
        await new StoreStudyControl(store).SubmitAsync(study);

        // 1. A node member killed mid-study: its trials are requeued once it is downed.
        await WaitCompletedAsync(store, 15, TimeSpan.FromMinutes(2));
        members[2].Kill();
        await WaitForEventAsync(store, "trial-requeued", "lost", TimeSpan.FromSeconds(60));
        members[2].Start(); // back as a new incarnation, so that three members remain for keep-majority
        await members[2].WaitReadyAsync(Ready);

        // 2. The singleton's host killed: the coordinator restarts on another member from the journal.
        await WaitCompletedAsync(store, 40, TimeSpan.FromMinutes(2));
        var beforeFailover = Count(await store.CountTrialsByStateAsync("cluster"), TrialState.Completed);
        members[0].Kill();
        await WaitCompletedAsync(store, beforeFailover + 10, TimeSpan.FromMinutes(2));
        Assert.True(Count(await store.CountTrialsByStateAsync("cluster"), TrialState.Completed) < Trials, "the study ended before the failover could be observed; make it longer");
        Assert.True(members.Skip(1).Any(m => m.Log.Contains("Coordinator recovered", StringComparison.Ordinal)),
            $"no surviving member took over the coordinator:\n{members[1].Tail()}");

        // 3. PostgreSQL restarted mid-study: members ride it out.
        await postgres.RestartAsync();
        var afterRestart = await CompletedAsync(store);
        Assert.True(afterRestart < Trials, "the study ended before the database restart could be observed; make it longer");

        await WaitCompletedAsync(store, Trials, TimeSpan.FromMinutes(3));
        var results = await store.GetResultsAsync("cluster");
        Assert.Equal(Trials, results.Count);
        Assert.Equal(Trials, results.Select(r => r.TrialId).Distinct().Count());
        Assert.All(results, r => Assert.Equal(1.0, r.Value)); // the calm run's value for every no-op trial
        var completions = await CountEventsAsync(database, "trial-completed");
        Assert.True(completions == Trials, $"expected one trial-completed event per trial ({Trials}), found {completions}:\n{members[1].Tail()}");
    }

    public void Dispose()
    {
        foreach (var member in members)
        {
            member.Dispose();
        }
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

    private static async Task<long> CountEventsAsync(string database, string kind)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM events WHERE kind = @kind", connection);
        command.Parameters.AddWithValue("kind", kind);
        return (long)(await command.ExecuteScalarAsync())!;
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
