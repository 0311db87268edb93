using SweepGrid.Telemetry.Tests;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SweepGrid.Cli.Tests;

/// <summary>`sweepgrid run --metrics-port N` serves Prometheus metrics on 127.0.0.1:N while a real study trains.</summary>
public sealed class RunMetricsTests : IDisposable
{
    private const string Spec = """
        study:
          name: watched
        dataset:
          name: mnist
          train_limit: 6000
          test_limit: 300
        model:
          kind: mlp
        training:
          epochs: 3
          batch_size: 64
        seeds: 2
        axes:
          model.temperature: [1/2, 1, 2]
        evaluation:
          - clean
        """;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("sweepgrid-run-metrics-");

    [Fact]
    public async Task A_running_study_publishes_its_trials_slots_journal_and_store_timings_and_promtool_accepts_them()
    {
        var spec = Path.Combine(dir.FullName, "watched.yaml");
        await File.WriteAllTextAsync(spec, Spec);
        var port = FreePort();
        var log = new StringBuilder();
        using var run = Start(spec, port, log);

        string? seen = null;
        var clock = Stopwatch.StartNew();
        while (!run.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                var text = await Http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
                if (text.Contains("sweepgrid_trials{study=\"watched\",state=\"completed\"}", StringComparison.Ordinal)
                    && text.Contains("sweepgrid_slots{", StringComparison.Ordinal)
                    && text.Contains("sweepgrid_train_samples_total{", StringComparison.Ordinal) && !text.Contains("sweepgrid_journal_write_seconds_count 0", StringComparison.Ordinal))
                {
                    seen = text;
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await run.WaitForExitAsync(timeout.Token);

        Assert.True(seen is not null, $"no /metrics with the study's trials, slots and journal writes while `run` ran:\n{log}");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sweepgrid_store_operation_seconds_count{operation=\"settle-and-lease\"}", seen, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_coordinator_starts_total 1", seen, StringComparison.Ordinal);
        Assert.Contains("sweepgrid_slots{node=", seen, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total", seen, StringComparison.Ordinal);
        var (exitCode, problems) = await Promtool.CheckMetricsAsync(seen);
        Assert.True(exitCode == 0 && problems.Length == 0, $"promtool check metrics: {problems}");
    }

    [Fact]
    public async Task A_metrics_port_out_of_range_exits_2_naming_the_option()
    {
        var spec = Path.Combine(dir.FullName, "watched.yaml");
        await File.WriteAllTextAsync(spec, Spec);
        var log = new StringBuilder();
        using var run = Start(spec, 70000, log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await run.WaitForExitAsync(timeout.Token);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--metrics-port must be 1-65535", log.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => dir.Delete(recursive: true);

    private Process Start(string spec, int port, StringBuilder log)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "sweepgrid.dll"), "run", spec, "--db", Path.Combine(dir.FullName, "watched.db"), "--slots", "2",
                     "--data", CliRunner.MnistDirectory, "--reports", Path.Combine(dir.FullName, "reports"),
                     "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
