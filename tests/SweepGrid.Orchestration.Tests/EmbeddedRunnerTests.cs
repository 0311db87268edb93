using SweepGrid.Orchestration.Embedded;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Tests;

public class EmbeddedRunnerTests
{
    private static readonly NodeOptions Node = new()
    {
        NodeId = "test-node",
        Slots = 4,
        PollInterval = TimeSpan.FromMilliseconds(20),
        HeartbeatInterval = TimeSpan.FromSeconds(1),
        LeaseDuration = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task Every_trial_completes_exactly_once_and_ensembles_wait_for_their_members()
    {
        var path = StudyFixtures.TempDatabase();
        await using var store = TrialStores.OpenSqlite(path);
        var study = StudyFixtures.Study("s", trials: 40, ensembles: 2);

        var end = await new EmbeddedRunner(store, new NoOpTrialExecutor(), Node) { ProgressInterval = TimeSpan.FromMilliseconds(20) }
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
            var end = await new EmbeddedRunner(store, gate, Node with { Slots = 2 }) { ProgressInterval = TimeSpan.FromMilliseconds(20) }
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
        }
        await using (var store = TrialStores.OpenSqlite(path))
        {
            var counting = new CountingExecutor();
            var end = await new EmbeddedRunner(store, counting, Node) { ProgressInterval = TimeSpan.FromMilliseconds(20) }.RunAsync(study, null, CancellationToken.None);

            Assert.Equal(RunEnd.Finished, end);
            var results = await store.GetResultsAsync("r");
            Assert.Equal(30, results.Select(r => r.TrialId).Distinct().Count());
            Assert.Equal(30, results.Count);
            Assert.Equal(30 - gate.Completed, counting.Executed);
        }
        File.Delete(path);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_share_the_work_without_running_a_trial_twice()
    {
        var path = StudyFixtures.TempDatabase();
        await using var first = TrialStores.OpenSqlite(path);
        await using var second = TrialStores.OpenSqlite(path);
        var study = StudyFixtures.Study("two", trials: 60);
        var a = new CountingExecutor();
        var b = new CountingExecutor();

        await Task.WhenAll(
            new EmbeddedRunner(first, a, Node with { NodeId = "a", Slots = 2 }) { ProgressInterval = TimeSpan.FromMilliseconds(20) }.RunAsync(study, null, CancellationToken.None),
            new EmbeddedRunner(second, b, Node with { NodeId = "b", Slots = 2 }) { ProgressInterval = TimeSpan.FromMilliseconds(20) }.RunAsync(study, null, CancellationToken.None));

        Assert.Equal(60, a.Executed + b.Executed);
        Assert.Equal(60, (await first.GetResultsAsync("two")).Count);
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
