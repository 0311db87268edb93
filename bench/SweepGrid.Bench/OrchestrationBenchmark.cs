using System.Diagnostics;
using System.Text.Json;
using SweepGrid.Orchestration.Embedded;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Store;

namespace SweepGrid.Bench;

/// <summary>
/// Orchestration overhead with no-op trials on SQLite: trials per second through submit, lease and
/// result (the whole embedded path: actors, slots, fenced writes), and the time from a restart
/// (new store, resubmission of the study, reclaiming leases) to the first new lease of a large study.
/// </summary>
internal static class OrchestrationBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArguments(args);
        var trials = a.GetInt("trials", 5000);
        var restartTrials = a.GetInt("restart-trials", 10000);
        var slots = a.GetInt("slots", 2);
        var throughput = Throughput(trials, slots).GetAwaiter().GetResult();
        var restart = RestartToFirstLease(restartTrials).GetAwaiter().GetResult();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["trials"] = trials,
            ["slots"] = slots,
            ["trials_per_second"] = throughput,
            ["restart_trials"] = restartTrials,
            ["restart_to_first_lease_seconds"] = restart,
        }));
        return 0;
    }

    private static async Task<double> Throughput(int trials, int slots)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sweepgrid-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using var store = TrialStores.OpenSqlite(path);
            var node = new NodeOptions { NodeId = "bench", Slots = slots, PollInterval = TimeSpan.FromMilliseconds(50) };
            var clock = Stopwatch.StartNew();
            var end = await new EmbeddedRunner(store, new NoOpTrialExecutor(), node) { ProgressInterval = TimeSpan.FromMilliseconds(50) }
                .RunAsync(Study("throughput", trials), null, CancellationToken.None);
            if (end != RunEnd.Finished)
            {
                throw new InvalidOperationException("the benchmark study did not finish");
            }
            return trials / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            DeleteDatabase(path);
        }
    }

    private static async Task<double> RestartToFirstLease(int trials)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sweepgrid-bench-{Guid.NewGuid():N}.db");
        var study = Study("restart", trials);
        try
        {
            await using (var first = TrialStores.OpenSqlite(path))
            {
                await first.MigrateAsync();
                await first.SubmitStudyAsync(study, DateTimeOffset.UtcNow);
                // A process that died holding leases.
                for (var i = 0; i < 2; i++)
                {
                    await first.LeaseNextAsync("bench-embedded", TimeSpan.FromSeconds(30), DateTimeOffset.UtcNow);
                }
            }
            var clock = Stopwatch.StartNew();
            await using var store = TrialStores.OpenSqlite(path);
            await store.MigrateAsync();
            await store.ReapExpiredLeasesAsync(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));
            await store.SubmitStudyAsync(study, DateTimeOffset.UtcNow);
            var lease = await store.LeaseNextAsync("bench-embedded", TimeSpan.FromSeconds(30), DateTimeOffset.UtcNow);
            var seconds = clock.Elapsed.TotalSeconds;
            return lease is null ? throw new InvalidOperationException("no lease after restart") : seconds;
        }
        finally
        {
            DeleteDatabase(path);
        }
    }

    private static StudySubmission Study(string id, int trials) => new(id, id, "bench",
        Enumerable.Range(0, trials).Select(i => new TrialSubmission($"{id}-{i:D6}", "train", "{}", null, "{}", 0, 3, [])).ToList());

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
