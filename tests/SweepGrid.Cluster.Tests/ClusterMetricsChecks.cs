using System.Diagnostics;
using System.Globalization;
using SweepGrid.Telemetry.Tests;

namespace SweepGrid.Cluster.Tests;

/// <summary>What a real Prometheus scraping the members must read back, and promtool's verdict on a member's exposition.</summary>
internal static class ClusterMetricsChecks
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Waits until <paramref name="promql"/> has a first sample whose value satisfies <paramref name="expected"/>.</summary>
    public static async Task<double> WaitForValueAsync(PrometheusServer prometheus, string promql, Func<double, bool> expected, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = "no sample";
        while (true)
        {
            var result = (await prometheus.QueryAsync(promql))["result"]!.AsArray();
            if (result.Count > 0)
            {
                var value = double.Parse((string)result[0]!["value"]![1]!, CultureInfo.InvariantCulture);
                if (expected(value))
                {
                    return value;
                }
                last = value.ToString(CultureInfo.InvariantCulture);
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what}: {promql} was {last} after {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Runs every panel query of the operations dashboard for <paramref name="study"/>; each must succeed and return data
    /// (retried until <paramref name="timeout"/>, since rates need two scrapes). Returns the failures, empty when all passed.</summary>
    public static async Task<IReadOnlyList<string>> OperationsPanelFailuresAsync(PrometheusServer prometheus, string study, TimeSpan timeout)
    {
        var variables = new Dictionary<string, string> { ["study"] = study };
        var pending = Dashboards.Queries(Dashboards.Load("operations"), "expr").Select(q => (q.Panel, Query: Dashboards.Substitute(q.Query, variables))).ToList();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            failures.Clear();
            foreach (var (panel, promql) in pending.ToList())
            {
                try
                {
                    if ((await prometheus.QueryAsync(promql))["result"]!.AsArray().Count > 0)
                    {
                        pending.Remove((panel, promql));
                        continue;
                    }
                    failures.Add($"{panel}: no data for {promql}");
                }
                catch (InvalidOperationException e)
                {
                    failures.Add($"{panel}: {e.Message}");
                }
            }
            if (pending.Count == 0 || clock.Elapsed > timeout)
            {
                break;
            }
            await Task.Delay(1000);
        }
        return failures;
    }

    /// <summary>promtool check metrics on the member's real <c>/metrics</c>: its output (empty when clean) and exit code.</summary>
    public static async Task<(int ExitCode, string Problems, string Exposition)> PromtoolOnMemberAsync(int httpPort)
    {
        var exposition = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{httpPort}/metrics"));
        var (exitCode, problems) = await Promtool.CheckMetricsAsync(exposition);
        return (exitCode, problems, exposition);
    }
}
