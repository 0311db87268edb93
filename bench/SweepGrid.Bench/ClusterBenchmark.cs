using System.Diagnostics;
using System.Text.Json;
using SweepGrid.Cluster.Tests;
using SweepGrid.Orchestration.Control;
using SweepGrid.Store;

namespace SweepGrid.Bench;

/// <summary>
/// Three `sweepgrid serve` members (both roles, 2 slots each) on loopback and a throwaway PostgreSQL:
/// no-op trials per second through the singleton; then, with 1 s trials in flight, the time from a node
/// member's SIGKILL to the first requeue of its trials, and from the singleton host's SIGKILL to the first
/// new dispatch by the restarted singleton.
/// </summary>
internal static class ClusterBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArguments(args);
        var connection = a.Get("postgres", Environment.GetEnvironmentVariable("SWEEPGRID_TEST_POSTGRES") ?? "");
        if (connection.Length == 0)
        {
            Console.Error.WriteLine("cluster: give --postgres CONNECTION (e.g. from scripts/postgres-for-tests.sh start)");
            return 2;
        }
        var (cold, throughput) = Throughput(connection, a.GetInt("trials", 3000)).GetAwaiter().GetResult();
        var (nodeLoss, failover) = Failures(connection).GetAwaiter().GetResult();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["cold_trials_per_second"] = cold,
            ["trials_per_second"] = throughput,
            ["node_loss_to_requeue_seconds"] = nodeLoss,
            ["singleton_kill_to_first_dispatch_seconds"] = failover,
        }));
        return 0;
    }

    /// <summary>Trials per second of a first study on freshly started members (cold: JIT included) and of a second one (warm).</summary>
    private static async Task<(double Cold, double Warm)> Throughput(string server, int trials)
    {
        var database = await NewDatabaseAsync(server);
        var members = await StartAsync(database, TimeSpan.Zero);
        try
        {
            await using var store = TrialStores.OpenPostgres(database);
            var rates = new List<double>();
            foreach (var name in new[] { "cold", "warm" })
            {
                var clock = Stopwatch.StartNew();
                await new StoreStudyControl(store).SubmitAsync(Study(name, trials));
                await WaitAsync(store, name, trials, TimeSpan.FromMinutes(10));
                rates.Add(trials / clock.Elapsed.TotalSeconds);
            }
            return (rates[0], rates[1]);
        }
        finally
        {
            members.ForEach(m => m.Dispose());
        }
    }

    private static async Task<(double NodeLoss, double Failover)> Failures(string server)
    {
        var database = await NewDatabaseAsync(server);
        var members = await StartAsync(database, TimeSpan.FromSeconds(1));
        try
        {
            await using var store = TrialStores.OpenPostgres(database);
            await new StoreStudyControl(store).SubmitAsync(Study("failures", 2000));
            await WaitAsync(store, "failures", 20, TimeSpan.FromMinutes(2));

            var killed = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            members[2].Kill();
            await FirstEventAsync(store, e => e.Kind == StudyEventKinds.TrialRequeued && e.Detail.Contains("lost", StringComparison.Ordinal) && e.At >= killed.AddSeconds(-1));
            var nodeLoss = clock.Elapsed.TotalSeconds;
            members[2].Start();
            await members[2].WaitReadyAsync(TimeSpan.FromMinutes(2));
            await Task.Delay(TimeSpan.FromSeconds(5)); // let the rejoined member settle into work

            var last = (await AllEventsAsync(store)).Max(e => e.Id);
            clock.Restart();
            members[0].Kill();
            // Dispatches continue for a moment from requests already answered; the new singleton's first one
            // follows its "Coordinator recovered" on a survivor.
            while (!members.Skip(1).Any(m => m.Log.Contains("Coordinator recovered", StringComparison.Ordinal)))
            {
                await Task.Delay(50);
            }
            var recovered = DateTimeOffset.UtcNow;
            await FirstEventAsync(store, e => e.Id > last && e.Kind == StudyEventKinds.TrialLeased && e.At >= recovered.AddSeconds(-1));
            return (nodeLoss, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            members.ForEach(m => m.Dispose());
        }
    }

    private static async Task<List<Member>> StartAsync(string database, TimeSpan trialDuration)
    {
        var ports = Enumerable.Range(0, 3).Select(_ => (Akka: Member.FreePort(), Http: Member.FreePort())).ToList();
        var seeds = $"127.0.0.1:{ports[0].Akka},127.0.0.1:{ports[1].Akka}";
        var members = ports.Select((p, i) => new Member($"m{i + 1}", p.Akka, p.Http, seeds, database, trialDuration)).ToList();
        members[0].Start();
        await members[0].WaitReadyAsync(TimeSpan.FromMinutes(2));
        members[1].Start();
        members[2].Start();
        await Task.WhenAll(members[1].WaitReadyAsync(TimeSpan.FromMinutes(2)), members[2].WaitReadyAsync(TimeSpan.FromMinutes(2)));
        return members;
    }

    private static async Task<string> NewDatabaseAsync(string server)
    {
        var name = $"bench_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var database = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        await using var store = TrialStores.OpenPostgres(database);
        await store.MigrateAsync();
        return database;
    }

    private static async Task WaitAsync(ITrialStore store, string study, int completed, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while ((await store.CountTrialsByStateAsync(study))[TrialState.Completed] < completed)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"study {study}: fewer than {completed} trials completed in {timeout}");
            }
            await Task.Delay(20);
        }
    }

    private static async Task<List<StudyEvent>> AllEventsAsync(ITrialStore store)
    {
        var all = new List<StudyEvent>();
        long after = 0;
        while (true)
        {
            var page = await store.GetEventsAsync(null, after, 10_000);
            if (page.Count == 0)
            {
                return all;
            }
            all.AddRange(page);
            after = page[^1].Id;
        }
    }

    private static async Task FirstEventAsync(ITrialStore store, Func<StudyEvent, bool> match)
    {
        var clock = Stopwatch.StartNew();
        long after = 0;
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                var page = await store.GetEventsAsync(null, after, 10_000);
                if (page.Any(match))
                {
                    return;
                }
                if (page.Count > 0)
                {
                    after = page[^1].Id;
                }
            }
            catch (StoreUnavailableException)
            {
                // retry
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("the awaited event did not appear within 2 minutes");
    }

    private static StudySubmission Study(string id, int trials) => new(id, id, "bench",
        Enumerable.Range(0, trials).Select(i => new TrialSubmission($"{id}-{i:D6}", "train", "{}", null, "{}", 0, 10, [])).ToList());
}
