using System.Diagnostics;
using System.Text.Json;
using SweepGrid.Orchestration.Embedded;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Hosting;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Store;

namespace SweepGrid.Bench;

/// <summary>
/// Orchestration overhead with no-op trials on SQLite: trials per second through submit, dispatch and
/// result (the whole embedded path: coordinator journal, node actor, slots, fenced writes) for a first study in a
/// fresh process (cold) and for a second one (warm), the time from
/// start to the first dispatched trial, and from a restart of a large study (journal recovery, resubmission)
/// to its first new dispatch.
/// </summary>
internal static class OrchestrationBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArguments(args);
        var trials = a.GetInt("trials", 5000);
        var restartTrials = a.GetInt("restart-trials", 10000);
        var slots = a.GetInt("slots", 2);
        var progress = TimeSpan.FromMilliseconds(a.GetInt("progress-ms", 50));
        // The first study of the process pays for JIT compilation (tiered, with dynamic PGO) of the whole path; the
        // second shows the steady state a long study runs in. Both are reported.
        var (coldThroughput, coldCpuMs, _) = Throughput(trials, slots, progress).GetAwaiter().GetResult();
        var (throughput, cpuMs, perBatch) = Throughput(trials, slots, progress).GetAwaiter().GetResult();
        var start = StartToFirstDispatch(10, completedBefore: 0).GetAwaiter().GetResult();
        var restart = StartToFirstDispatch(restartTrials, completedBefore: a.GetInt("completed-before-restart", 2000)).GetAwaiter().GetResult();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["trials"] = trials,
            ["slots"] = slots,
            ["cold_trials_per_second"] = coldThroughput,
            ["cold_cpu_ms_per_trial"] = coldCpuMs,
            ["trials_per_second"] = throughput,
            ["cpu_ms_per_trial"] = cpuMs,
            ["items_per_batch"] = perBatch,
            ["restart_trials"] = restartTrials,
            ["start_to_first_dispatch_seconds"] = start,
            ["recovery_to_first_dispatch_seconds"] = restart,
        }));
        return 0;
    }

    /// <summary>Trials per second, and the process's CPU time (user + system) per trial: the latter moves far less when other work shares the machine.</summary>
    private static async Task<(double PerSecond, double CpuMilliseconds, double ItemsPerBatch)> Throughput(int trials, int slots, TimeSpan progress)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sweepgrid-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using var store = TrialStores.OpenSqlite(path);
            var node = new NodeOptions { NodeId = NodeIds.New("bench"), Slots = slots, PollInterval = TimeSpan.FromMilliseconds(50) };
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var counts = new OrchestrationCounts();
            var end = await new EmbeddedRunner(store, JournalDatabase.Sqlite(path), new NoOpTrialExecutor(), node) { ProgressInterval = progress, Counts = counts }
                .RunAsync(Study("throughput", trials), null, CancellationToken.None);
            if (end != RunEnd.Finished)
            {
                throw new InvalidOperationException("the benchmark study did not finish");
            }
            var seconds = clock.Elapsed.TotalSeconds;
            return (trials / seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / trials,
                counts.Batches == 0 ? 0 : (double)counts.BatchedItems / counts.Batches);
        }
        finally
        {
            DeleteDatabase(path);
        }
    }

    /// <summary>
    /// Seconds from <c>RunAsync</c> to the first trial on a slot: a fresh database (host start, journal tables,
    /// migration, submission) when <paramref name="completedBefore"/> is 0; otherwise the same study is first run
    /// until that many trials completed and interrupted, so the second start recovers the coordinator from its
    /// journal and snapshots and resubmits all <paramref name="trials"/> trials.
    /// </summary>
    private static async Task<double> StartToFirstDispatch(int trials, int completedBefore)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sweepgrid-bench-{Guid.NewGuid():N}.db");
        var study = Study("restart", trials);
        try
        {
            await using var store = TrialStores.OpenSqlite(path);
            if (completedBefore > 0)
            {
                using var stop = new CancellationTokenSource();
                var node = new NodeOptions { NodeId = NodeIds.New("bench"), Slots = 2 };
                var first = new EmbeddedRunner(store, JournalDatabase.Sqlite(path), new NoOpTrialExecutor(), node) { ProgressInterval = TimeSpan.FromMilliseconds(20) };
                await first.RunAsync(study, p =>
                {
                    if (p.Count(TrialState.Completed) >= completedBefore)
                    {
                        stop.Cancel();
                    }
                }, stop.Token);
            }
            var probe = new FirstTrialExecutor();
            var clock = Stopwatch.StartNew();
            var restarted = new EmbeddedRunner(store, JournalDatabase.Sqlite(path), probe, new NodeOptions { NodeId = NodeIds.New("bench"), Slots = 2 })
            {
                ProgressInterval = TimeSpan.FromMilliseconds(20),
            };
            var run = restarted.RunAsync(study, null, probe.Stop.Token);
            await probe.First.Task;
            var seconds = clock.Elapsed.TotalSeconds;
            probe.Stop.Cancel();
            await run;
            return seconds;
        }
        finally
        {
            DeleteDatabase(path);
        }
    }

    /// <summary>Notes when the first trial reaches a slot, then hands every trial back.</summary>
    private sealed class FirstTrialExecutor : ITrialExecutor
    {
        public TaskCompletionSource First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Stop { get; } = new();

        public TrialOutcome Execute(Lease lease, Action<TrialProgress> progress, CancellationToken cancellation)
        {
            First.TrySetResult();
            cancellation.WaitHandle.WaitOne();
            return new TrialOutcome.Cancelled("benchmark over");
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
