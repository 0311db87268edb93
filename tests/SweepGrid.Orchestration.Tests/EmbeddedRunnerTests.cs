using SweepGrid.Orchestration.Embedded;
using SweepGrid.Orchestration.Hosting;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Tests;

public class EmbeddedRunnerTests
{
    private static readonly NodeOptions Node = new()
    {
        NodeId = NodeIds.New("test-node"),
        Slots = 4,
        PollInterval = TimeSpan.FromMilliseconds(20),
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
    };

    private static EmbeddedRunner Runner(ITrialStore store, string path, ITrialExecutor executor, NodeOptions node) =>
        new(store, JournalDatabase.Sqlite(path), executor, node) { ProgressInterval = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task Every_trial_completes_exactly_once_and_ensembles_wait_for_their_members()
    {
        var path = StudyFixtures.TempDatabase();
        await using var store = TrialStores.OpenSqlite(path);
        var study = StudyFixtures.Study("s", trials: 40, ensembles: 2);

        var end = await Runner(store, path, new NoOpTrialExecutor(), Node)
            .RunAsync(study, null, CancellationToken.None);

        Assert.Equal(RunEnd.Finished, end);
        var counts = await store.CountTrialsByStateAsync("s");
        Assert.Equal(42, counts[TrialState.Completed]);
        var results = await store.GetResultsAsync("s");
        Assert.Equal(42, results.Count);
        Assert.Equal(42, results.Select(r => r.TrialId).Distinct().Count());
        Assert.Equal(StudyState.Completed, (await store.GetStudyAsync("s"))!.State);
        File.Delete(path);
    }

    [Fact]
    public async Task An_interrupted_run_hands_trials_back_and_the_same_run_resumes_without_repeating_any()
    {
        var path = StudyFixtures.TempDatabase();
        var study = StudyFixtures.Study("r", trials: 30);
        var gate = new GatedExecutor(releaseAfter: 10);
        using var stop = new CancellationTokenSource();
        await using (var store = TrialStores.OpenSqlite(path))
        {
            var end = await Runner(store, path, gate, Node with { Slots = 2 })
                .RunAsync(study, p =>
                {
                    if (p.Count(TrialState.Completed) >= 10)
                    {
                        stop.Cancel();
                    }
                }, stop.Token);
            Assert.Equal(RunEnd.Interrupted, end);
            var counts = await store.CountTrialsByStateAsync("r");
            Assert.True(counts[TrialState.Completed] is >= 10 and < 30, $"expected part of the study done, got {counts[TrialState.Completed]} completed");
            Assert.Equal(0, counts[TrialState.Leased]);
            // Interrupted trials were handed back without spending an attempt.
            foreach (var trial in study.Trials)
            {
                var stored = (await store.GetTrialAsync(trial.TrialId))!;
                Assert.True(stored.State == TrialState.Completed || stored.Attempts == 0,
                    $"trial {trial.TrialId} is {stored.State} with {stored.Attempts} attempts spent; a drain must not spend one");
            }
        }
        await using (var store = TrialStores.OpenSqlite(path))
        {
            var counting = new CountingExecutor();
            var end = await Runner(store, path, counting, Node with { NodeId = NodeIds.New("test-node") }).RunAsync(study, null, CancellationToken.None);

            Assert.Equal(RunEnd.Finished, end);
            var results = await store.GetResultsAsync("r");
            Assert.Equal(30, results.Select(r => r.TrialId).Distinct().Count());
            Assert.Equal(30, results.Count);
            Assert.Equal(30 - gate.Completed, counting.Executed);
        }
        File.Delete(path);
    }

    [Fact]
    public async Task A_second_run_on_the_same_database_refuses_and_names_the_process_that_holds_it()
    {
        var path = StudyFixtures.TempDatabase();
        await using var first = TrialStores.OpenSqlite(path);
        await using var second = TrialStores.OpenSqlite(path);
        var blocking = new GatedExecutor(releaseAfter: 0);
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var running = Runner(first, path, blocking, Node with { Slots = 1 })
            .RunAsync(StudyFixtures.Study("one", trials: 4), p =>
            {
                if (p.Count(TrialState.Leased) == 1)
                {
                    started.TrySetResult();
                }
            }, stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var refused = await Assert.ThrowsAsync<DatabaseInUseException>(() =>
            Runner(second, path, new NoOpTrialExecutor(), Node with { NodeId = NodeIds.New("other") })
                .RunAsync(StudyFixtures.Study("two", trials: 4), null, CancellationToken.None));

        Assert.Contains($"pid {Environment.ProcessId} on {Environment.MachineName}", refused.Message, StringComparison.Ordinal);
        stop.Cancel();
        Assert.Equal(RunEnd.Interrupted, await running);
        var counts = await first.CountTrialsByStateAsync("one");
        Assert.Equal(4, counts[TrialState.Queued]);
        Assert.Null(await first.GetStudyAsync("two"));
        File.Delete(path);
    }

    [Fact]
    public async Task A_run_is_refused_on_a_database_a_cluster_member_was_recently_seen_on_and_allowed_after_it_left()
    {
        var path = StudyFixtures.TempDatabase();
        await using var store = TrialStores.OpenSqlite(path);
        await store.MigrateAsync();
        var member = new SweepGrid.Orchestration.Cluster.MemberPresence(store, new SweepGrid.Orchestration.Cluster.ClusterMemberOptions { Port = 4711 }, 2,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SweepGrid.Orchestration.Cluster.MemberPresence>.Instance);
        await member.StartAsync(CancellationToken.None);
        while ((await store.ListNodesAsync()).Count == 0)
        {
            await Task.Delay(20);
        }

        var refused = await Assert.ThrowsAsync<DatabaseInUseException>(() =>
            Runner(store, path, new NoOpTrialExecutor(), Node).RunAsync(StudyFixtures.Study("r", trials: 2), null, CancellationToken.None));

        Assert.Contains("cluster member coordinator,node at 127.0.0.1:4711", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetStudyAsync("r"));
        await member.StopAsync(CancellationToken.None);
        Assert.Equal(RunEnd.Finished, await Runner(store, path, new NoOpTrialExecutor(), Node).RunAsync(StudyFixtures.Study("r", trials: 2), null, CancellationToken.None));
        File.Delete(path);
    }

    [Fact]
    public async Task Cancelling_the_study_through_the_coordinator_stops_its_running_trials()
    {
        var path = StudyFixtures.TempDatabase();
        await using var store = TrialStores.OpenSqlite(path);
        var blocking = new GatedExecutor(releaseAfter: 0);
        var runner = Runner(store, path, blocking, Node with { Slots = 2 });
        Task<StudyRecord?>? cancel = null;

        var end = await runner.RunAsync(StudyFixtures.Study("c", trials: 6), p =>
        {
            if (cancel is null && p.Count(TrialState.Leased) == 2)
            {
                cancel = runner.Control!.CancelAsync("c");
            }
        }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(RunEnd.Finished, end);
        Assert.Equal(StudyState.Cancelled, (await cancel!)!.State);
        var counts = await store.CountTrialsByStateAsync("c");
        Assert.Equal(6, counts[TrialState.Cancelled]);
        File.Delete(path);
    }

    /// <summary>Completes trials at once, counting them.</summary>
    private sealed class CountingExecutor : ITrialExecutor
    {
        private int executed;

        public int Executed => Volatile.Read(ref executed);

        public TrialOutcome Execute(Lease lease, Action<TrialProgress> progress, CancellationToken cancellation)
        {
            Interlocked.Increment(ref executed);
            return new NoOpTrialExecutor().Execute(lease, progress, cancellation);
        }
    }

    /// <summary>Completes the first trials at once, then blocks every later one until cancelled.</summary>
    private sealed class GatedExecutor(int releaseAfter) : ITrialExecutor
    {
        private int completed;

        public int Completed => Volatile.Read(ref completed);

        public TrialOutcome Execute(Lease lease, Action<TrialProgress> progress, CancellationToken cancellation)
        {
            if (Interlocked.Increment(ref completed) <= releaseAfter)
            {
                return new NoOpTrialExecutor().Execute(lease, progress, cancellation);
            }
            Interlocked.Decrement(ref completed);
            cancellation.WaitHandle.WaitOne();
            return new TrialOutcome.Cancelled("stopped");
        }
    }
}
