using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace SweepGrid.Telemetry.Tests;

/// <summary>
/// A real Prometheus (Debian's prometheus package) started for a test on loopback, scraping the given
/// targets every second, with its data in a temporary folder; disposed, it stops and removes it.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Port { get; }

    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> targets, CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("sweepgrid-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        var list = string.Join(", ", targets.Select(t => $"'{t}'"));
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: sweepgrid
                static_configs:
                  - targets: [{list}]
            """, cancellationToken);
        var port = FreePort();
        var start = new ProcessStartInfo("prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start prometheus (is Debian's prometheus package installed?)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, directory, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var ready = await server._http.GetAsync("-/ready", cancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("prometheus did not become ready within 30 s");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>An instant query through the HTTP API: the "data" object (resultType, result), or an exception with Prometheus's error.</summary>
    public async Task<JsonObject> QueryAsync(string promql, CancellationToken cancellationToken = default)
    {
        var response = await _http.GetFromJsonAsync<JsonObject>("api/v1/query?query=" + Uri.EscapeDataString(promql), cancellationToken)
            ?? throw new InvalidOperationException("empty answer from prometheus");
        return (string?)response["status"] == "success"
            ? response["data"]!.AsObject()
            : throw new InvalidOperationException($"query failed: {response["error"]} — {promql}");
    }

    /// <summary>Waits until every scrape target reports up.</summary>
    public async Task WaitForTargetsUpAsync(int expected, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var data = await QueryAsync("sum(up)", cancellationToken);
            var result = data["result"]!.AsArray();
            if (result.Count == 1 && double.Parse((string)result[0]!["value"]![1]!, System.Globalization.CultureInfo.InvariantCulture) >= expected)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"fewer than {expected} scrape targets up after {timeout}");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
