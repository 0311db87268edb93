using Prometheus;
using SweepGrid.Orchestration.Embedded;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Hosting;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Store;
using SweepGrid.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace SweepGrid.Orchestration.Tests;

/// <summary>The actors, the read-model publisher and the timed store feed <see cref="SweepGridMetrics"/> with what really happened.</summary>
public class MetricsFeedTests
{
    private static SweepGridMetrics NewMetrics() => new(Metrics.NewCustomRegistry(), "test");

    [Fact]
    public async Task An_embedded_study_reports_slots_attempts_samples_journal_writes_store_timings_and_one_coordinator_start()
    {
        var path = StudyFixtures.TempDatabase();
        var metrics = NewMetrics();
        await using var store = new TimedTrialStore(TrialStores.OpenSqlite(path), metrics);
        var node = new NodeOptions { NodeId = NodeIds.New("metered"), Slots = 3, Device = "cpu", PollInterval = TimeSpan.FromMilliseconds(20), HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        var trials = Enumerable.Range(0, 12)
            .Select(i => new TrialSubmission($"m-t{i:D2}", "train", """{"kind":"train","dataset":{"train_limit":500},"training":{"epochs":2}}""", null, "{}", 0, 3, []))
            .ToList();
        var runner = new EmbeddedRunner(store, JournalDatabase.Sqlite(path), new NoOpTrialExecutor(), node)
        {
            ProgressInterval = TimeSpan.FromMilliseconds(20),
            Counts = new OrchestrationCounts(metrics),
        };

        Assert.Equal(RunEnd.Finished, await runner.RunAsync(new StudySubmission("m", "m", "spec", trials), null, CancellationToken.None));

        var text = await metrics.ExportAsync();
        // One completed attempt per trial, also on a loaded machine: a slow node's heartbeats that left before an
        // assignment arrived no longer count it as lost (which once ran a trial twice in about one run of five).
        Assert.Contains("sweepgrid_trial_duration_seconds_count{outcome=\"completed\"} 12", text, StringComparison.Ordinal);
        Assert.Equal(12, (await store.CountTrialsByStateAsync("m", CancellationToken.None))[TrialState.Completed]);
        Assert.Contains("sweepgrid_train_samples_total{node=\"metered\",device=\"cpu\"} 12000", text, StringComparison.Ordinal); // 12 × 500 × 2
        Assert.Contains("sweepgrid_coordinator_starts_total 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_singleton_failovers_total 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sweepgrid_journal_write_seconds_count 0", text, StringComparison.Ordinal);
        // Results and leases are group-committed: one settle-and-lease transaction carries several of them.
        Assert.Contains("sweepgrid_store_operation_seconds_count{operation=\"settle-and-lease\"}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sweepgrid_store_operation_seconds_count{operation=\"complete\"}", text, StringComparison.Ordinal);
        // The node stopped with the run: its slot series are gone rather than frozen at their last value.
        Assert.DoesNotContain("sweepgrid_slots{node=\"metered\"", text, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task The_publisher_reports_states_from_the_read_model_and_counts_endings_only_after_its_baseline()
    {
        var path = StudyFixtures.TempDatabase();
        var metrics = NewMetrics();
        await using var store = TrialStores.OpenSqlite(path);
        await store.MigrateAsync();
        await store.SubmitStudyAsync(StudyFixtures.Study("p", trials: 5), DateTimeOffset.UtcNow);
        var first = (await store.LeaseNextAsync("n/1", TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow))!;
        await store.CompleteAsync(first, new TrialResults([new ResultRow("clean", "accuracy", 1)], "[]", "{}"), DateTimeOffset.UtcNow);
        var second = (await store.LeaseNextAsync("n/1", TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow))!;
        var counts = new OrchestrationCounts(metrics);
        counts.CoordinatorStarted(recoveredRunningWork: false);
        var publisher = new TrialStatePublisher(store, metrics, counts, NullLogger<TrialStatePublisher>.Instance);

        await publisher.RefreshAsync(CancellationToken.None);
        var before = await metrics.ExportAsync();
        Assert.Contains("sweepgrid_trials{study=\"p\",state=\"running\"} 1", before, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials{study=\"p\",state=\"queued\"} 3", before, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials{study=\"p\",state=\"completed\"} 1", before, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_studies{state=\"running\"} 1", before, StringComparison.Ordinal);
        // The completion before the first read is history (the baseline), not a new ending.
        Assert.Contains("sweepgrid_trials_completed_total{study=\"p\",outcome=\"completed\"} 0", before, StringComparison.Ordinal);

        await store.FailAsync(second, "diverged at epoch 1", retryable: false, DateTimeOffset.UtcNow);
        await publisher.RefreshAsync(CancellationToken.None);
        var after = await metrics.ExportAsync();
        Assert.Contains("sweepgrid_trials_completed_total{study=\"p\",outcome=\"failed\"} 1", after, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials_completed_total{study=\"p\",outcome=\"completed\"} 0", after, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials{study=\"p\",state=\"running\"} 0", after, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public async Task A_member_without_the_coordinator_publishes_states_but_counts_no_endings()
    {
        var path = StudyFixtures.TempDatabase();
        var metrics = NewMetrics();
        await using var store = TrialStores.OpenSqlite(path);
        await store.MigrateAsync();
        await store.SubmitStudyAsync(StudyFixtures.Study("q", trials: 2), DateTimeOffset.UtcNow);
        var publisher = new TrialStatePublisher(store, metrics, new OrchestrationCounts(metrics), NullLogger<TrialStatePublisher>.Instance);
        await publisher.RefreshAsync(CancellationToken.None);
        var lease = (await store.LeaseNextAsync("n/1", TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow))!;
        await store.CompleteAsync(lease, new TrialResults([new ResultRow("clean", "accuracy", 1)], "[]", "{}"), DateTimeOffset.UtcNow);
        await publisher.RefreshAsync(CancellationToken.None);
        var text = await metrics.ExportAsync();
        Assert.Contains("sweepgrid_trials{study=\"q\",state=\"completed\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials_completed_total{study=\"q\",outcome=\"completed\"} 0", text, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Theory]
    [InlineData("""{"kind":"train","dataset":{"train_limit":2000},"training":{"epochs":3}}""", 6000)]
    [InlineData("""{"kind":"train","dataset":{"train_limit":0},"training":{"epochs":3}}""", 0)]
    [InlineData("""{"kind":"ensemble","dataset":{"train_limit":2000},"training":{"epochs":3}}""", 0)]
    [InlineData("{}", 0)]
    [InlineData("not json", 0)]
    public void Training_samples_are_train_limit_times_epochs_of_a_training_trial(string definition, long expected) =>
        Assert.Equal(expected, TrainingWork.SamplesOf(definition));
}
