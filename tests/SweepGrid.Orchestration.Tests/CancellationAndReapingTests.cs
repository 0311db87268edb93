using SweepGrid.Orchestration.Embedded;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Tests;

public class CancellationAndReapingTests
{
    private static readonly NodeOptions Node = new()
    {
        NodeId = "node",
        Slots = 2,
        PollInterval = TimeSpan.FromMilliseconds(20),
        HeartbeatInterval = TimeSpan.FromMilliseconds(100),
        LeaseDuration = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Cancelling_the_study_stops_running_trials_at_their_next_heartbeat()
    {
        var path = StudyFixtures.TempDatabase();
        await using var store = TrialStores.OpenSqlite(path);
        var blocking = new BlockingExecutor();
        var cancelled = false;

        var end = await new EmbeddedRunner(store, blocking, Node) { ProgressInterval = TimeSpan.FromMilliseconds(20) }
            .RunAsync(StudyFixtures.Study("c", trials: 6), p =>
            {
                if (!cancelled && p.Count(TrialState.Leased) == 2)
                {
                    cancelled = true;
                    store.CancelStudyAsync("c", DateTimeOffset.UtcNow).GetAwaiter().GetResult();
                }
            }, CancellationToken.None);

        Assert.Equal(RunEnd.Finished, end);
        var counts = await store.CountTrialsByStateAsync("c");
        Assert.Equal(6, counts[TrialState.Cancelled]);
        Assert.Equal(2, blocking.Interrupted);
        File.Delete(path);
    }

    [Fact]
    public async Task Leases_of_a_node_that_died_are_reaped_by_the_coordinator_and_their_trials_rerun()
    {
        var path = StudyFixtures.TempDatabase();
        await using var store = TrialStores.OpenSqlite(path);
        var study = StudyFixtures.Study("d", trials: 4);
        await store.MigrateAsync();
        await store.SubmitStudyAsync(study, DateTimeOffset.UtcNow);
        // A live-looking node takes two trials and dies without a word.
        await store.RecordNodeHeartbeatAsync("ghost", 2, "running", DateTimeOffset.UtcNow);
        Assert.NotNull(await store.LeaseNextAsync("ghost", TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow));
        Assert.NotNull(await store.LeaseNextAsync("ghost", TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow));

        var end = await new EmbeddedRunner(store, new NoOpTrialExecutor(), Node) { ProgressInterval = TimeSpan.FromMilliseconds(20) }
            .RunAsync(study, null, CancellationToken.None);

        Assert.Equal(RunEnd.Finished, end);
        Assert.Equal(4, (await store.CountTrialsByStateAsync("d"))[TrialState.Completed]);
        var reaped = (await store.GetEventsAsync("d", 0)).Count(e => e.Kind == StudyEventKinds.LeaseExpired);
        Assert.Equal(2, reaped);
        File.Delete(path);
    }

    /// <summary>Runs until cancelled, counting the interruptions.</summary>
    private sealed class BlockingExecutor : ITrialExecutor
    {
        private int interrupted;

        public int Interrupted => Volatile.Read(ref interrupted);

        public TrialOutcome Execute(Lease lease, Action<TrialProgress> progress, CancellationToken cancellation)
        {
            cancellation.WaitHandle.WaitOne();
            Interlocked.Increment(ref interrupted);
            return new TrialOutcome.Cancelled("cancel requested");
        }
    }
}
