using Prometheus;

namespace SweepGrid.Telemetry.Tests;

/// <summary>
/// Every PromQL query of the operations dashboard, run by a real Prometheus that scrapes a live
/// exporter of <see cref="SweepGridMetrics"/> while a simulated study makes progress: no query may
/// fail, and every one must return data.
/// </summary>
public sealed class DashboardQueryTests
{
    [Fact]
    public async Task Every_operations_panel_query_returns_data_from_a_real_prometheus()
    {
        var registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        var metrics = new SweepGridMetrics(registry, "test");
        var port = PrometheusServer.FreePort();
        using var exporter = new MetricServer("127.0.0.1", port, registry: registry);
        exporter.Start();

        using var progress = new CancellationTokenSource();
        var study = Task.Run(async () =>
        {
            var completed = 0;
            while (!progress.IsCancellationRequested)
            {
                completed++;
                metrics.ReportTrialStates("quickstart", new Dictionary<string, int> { ["queued"] = 100 - completed, ["running"] = 2, ["completed"] = completed });
                metrics.ReportStudyStates(new Dictionary<string, int> { ["running"] = 1 });
                metrics.TrialEnded("quickstart", completed % 10 == 0 ? "failed" : "completed");
                metrics.AttemptFinished("completed", TimeSpan.FromSeconds(3 + (completed % 5)));
                metrics.TrainSamples("node-a", "cpu", 5_000);
                metrics.ReportSlots("node-a", busy: 2, free: 0);
                metrics.ReportMembers([("coordinator", "Up"), ("node", "Up")]);
                metrics.Requeued(RequeueReasons.HandedBack);
                metrics.CoordinatorStarted(tookOverRunningWork: completed == 1);
                metrics.JournalWrite(TimeSpan.FromMilliseconds(2));
                metrics.StoreOperation("record-result", TimeSpan.FromMilliseconds(5));
                await Task.Delay(200);
            }
        });

        await using var prometheus = await PrometheusServer.StartAsync([$"127.0.0.1:{port}"]);
        await prometheus.WaitForTargetsUpAsync(1, TimeSpan.FromSeconds(20));
        // rate() needs two samples inside its window; irate-free panels need at least one scrape.
        await Task.Delay(TimeSpan.FromSeconds(4));

        var failures = new List<string>();
        var variables = new Dictionary<string, string> { ["study"] = "quickstart" };
        foreach (var (panel, query) in Dashboards.Queries(Dashboards.Load("operations"), "expr"))
        {
            var promql = Dashboards.Substitute(query, variables);
            try
            {
                var data = await prometheus.QueryAsync(promql);
                if (data["result"]!.AsArray().Count == 0)
                {
                    failures.Add($"{panel}: no data for {promql}");
                }
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"{panel}: {e.Message}");
            }
        }
        await progress.CancelAsync();
        await study;
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
