using System.Text.RegularExpressions;
using Prometheus;

namespace SweepGrid.Telemetry.Tests;

public sealed partial class SweepGridMetricsTests
{
    private static SweepGridMetrics NewMetrics()
    {
        var registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        return new SweepGridMetrics(registry, "1.2.3");
    }

    private static async Task<SweepGridMetrics> BusyMetrics()
    {
        var metrics = NewMetrics();
        metrics.ReportTrialStates("quickstart", new Dictionary<string, int> { ["queued"] = 3, ["running"] = 2, ["completed"] = 7 });
        metrics.ReportStudyStates(new Dictionary<string, int> { ["running"] = 1 });
        metrics.TrialEnded("quickstart", "completed");
        metrics.TrialEnded("quickstart", "failed");
        metrics.AttemptFinished("completed", TimeSpan.FromSeconds(12.5));
        metrics.TrainSamples("node-a", "cpu", 60_000);
        metrics.ReportSlots("node-a", busy: 1, free: 1);
        metrics.ReportMembers([("coordinator", "Up"), ("node", "Up"), ("node", "Unreachable")]);
        metrics.Requeued(RequeueReasons.NodeLost);
        metrics.CoordinatorStarted(tookOverRunningWork: true);
        metrics.JournalWrite(TimeSpan.FromMilliseconds(3));
        metrics.StoreOperation("record-result", TimeSpan.FromMilliseconds(8));
        await Task.CompletedTask;
        return metrics;
    }

    [Fact]
    public async Task Promtool_accepts_the_exposition()
    {
        var (exit, problems) = await Promtool.CheckMetricsAsync(await (await BusyMetrics()).ExportAsync());
        // promtool prints lint problems (missing HELP, bad units, counters without _total) and exits non-zero.
        Assert.True(exit == 0 && problems.Trim().Length == 0, problems);
    }

    [Fact]
    public async Task Promtool_rejects_a_badly_named_counter()
    {
        // Guards the test above: promtool really lints what it is given.
        var registry = Metrics.NewCustomRegistry();
        Metrics.WithCustomRegistry(registry).CreateCounter("sweepgrid_bad_counter", "A counter without the _total suffix.").Inc();
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        var (exit, problems) = await Promtool.CheckMetricsAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.NotEqual(0, exit);
        Assert.Contains("counter metrics should have \"_total\" suffix", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_carry_the_values_reported()
    {
        var text = await (await BusyMetrics()).ExportAsync();
        Assert.Contains("sweepgrid_trials{study=\"quickstart\",state=\"queued\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials{study=\"quickstart\",state=\"failed\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials_completed_total{study=\"quickstart\",outcome=\"failed\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_train_samples_total{node=\"node-a\",device=\"cpu\"} 60000", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_slots{node=\"node-a\",state=\"busy\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_cluster_members{role=\"node\",status=\"unreachable\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_cluster_members{role=\"coordinator\",status=\"up\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_cluster_members{role=\"coordinator\",status=\"down\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_requeues_total{reason=\"node-lost\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_singleton_failovers_total 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trial_duration_seconds_bucket{outcome=\"completed\",le=\"16\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_build_info{version=\"1.2.3\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_that_empties_goes_to_zero()
    {
        var metrics = NewMetrics();
        metrics.ReportTrialStates("s", new Dictionary<string, int> { ["running"] = 2 });
        metrics.ReportTrialStates("s", new Dictionary<string, int> { ["completed"] = 2 });
        var text = await metrics.ExportAsync();
        Assert.Contains("sweepgrid_trials{study=\"s\",state=\"running\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials{study=\"s\",state=\"completed\"} 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leased_trials_are_published_as_running_beside_the_other_store_states()
    {
        var metrics = NewMetrics();
        metrics.ReportTrialStates("s", new Dictionary<string, int> { ["Queued"] = 4, ["Leased"] = 3, ["Completed"] = 1 });
        var text = await metrics.ExportAsync();
        Assert.Contains("sweepgrid_trials{study=\"s\",state=\"running\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials{study=\"s\",state=\"queued\"} 4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("state=\"leased\"", text, StringComparison.Ordinal);
        // The study's ending counters exist at 0 from its first report, so rates over them are 0, not absent.
        Assert.Contains("sweepgrid_trials_completed_total{study=\"s\",outcome=\"failed\"} 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_requeue_reason_the_coordinator_uses_is_published_from_the_start()
    {
        var text = await NewMetrics().ExportAsync();
        foreach (var reason in new[] { "node-lost", "handed-back", "retryable-failure", "assignment-lost", "unjournaled", "retry" })
        {
            Assert.Contains($"sweepgrid_requeues_total{{reason=\"{reason}\"}} 0", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_label_values_collapse_into_other()
    {
        var metrics = NewMetrics();
        for (var i = 0; i < 50; i++)
        {
            metrics.Requeued($"reason-{i}");
            metrics.TrialEnded("s", $"outcome-{i}");
        }
        var text = await metrics.ExportAsync();
        Assert.Equal(RequeueReasons.All.Count + 1, RequeueSeries().Count(text)); // the known reasons at 0, and "other"
        Assert.Contains("sweepgrid_requeues_total{reason=\"other\"} 50", text, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_trials_completed_total{study=\"s\",outcome=\"other\"} 50", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_left_has_no_slot_series()
    {
        var metrics = NewMetrics();
        metrics.ReportSlots("gone", 1, 0);
        metrics.ForgetNode("gone");
        Assert.DoesNotContain("node=\"gone\"", await metrics.ExportAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_label_is_named_after_a_trial()
    {
        var text = await (await BusyMetrics()).ExportAsync();
        foreach (Match label in LabelName().Matches(text))
        {
            Assert.DoesNotContain("trial", label.Groups[1].Value, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Negative_samples_and_empty_names_are_refused()
    {
        var metrics = NewMetrics();
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.TrainSamples("n", "cpu", -1));
        Assert.Throws<ArgumentException>(() => metrics.ReportSlots("", 1, 1));
        Assert.Throws<ArgumentException>(() => metrics.ReportTrialStates("", new Dictionary<string, int>()));
    }

    [GeneratedRegex(@"^sweepgrid_requeues_total\{", RegexOptions.Multiline)]
    private static partial Regex RequeueSeries();

    [GeneratedRegex(@"[{,]([a-z_]+)=""")]
    private static partial Regex LabelName();
}
