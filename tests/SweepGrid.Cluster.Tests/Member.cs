using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SweepGrid.Cluster.Tests;

/// <summary>One `sweepgrid serve` child process on loopback, with its log kept for failure messages.</summary>
internal sealed class Member : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly StringBuilder log = new();
    private Process? process;

    /// <summary>
    /// Without <c>scienceData</c> the node runs no-op trials of <c>trialDuration</c>; with a dataset folder it trains and
    /// evaluates for real (the science executor, as in production) reading its datasets there. <c>slots</c>: parallel trials.
    /// </summary>
    public Member(string name, int port, int httpPort, string seeds, string database, TimeSpan trialDuration, string? scienceData = null, int slots = 2)
    {
        Name = name;
        Port = port;
        HttpPort = httpPort;
        Seeds = seeds;
        Database = database;
        TrialDuration = trialDuration;
        ScienceData = scienceData;
        Slots = slots;
    }

    public string Name { get; }

    public int Port { get; }

    public int HttpPort { get; }

    public string Seeds { get; }

    public string Database { get; }

    public TimeSpan TrialDuration { get; }

    public string? ScienceData { get; }

    public int Slots { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>The API token every member of a test cluster is started with.</summary>
    public const string ApiToken = "cluster-test-token-0123456789";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "sweepgrid.dll"), "serve", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--seed-nodes", Seeds, "--db", Database, "--slots", Slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--api-urls", $"http://127.0.0.1:{HttpPort}",
                 })
        {
            info.ArgumentList.Add(argument);
        }
        // Members with the coordinator role serve the HTTP API, which needs its bearer token (as in production).
        info.Environment["SWEEPGRID_API__TOKEN"] = ApiToken;
        if (ScienceData is null)
        {
            info.Environment["SWEEPGRID_NODE__EXECUTOR"] = "noop";
            info.Environment["SWEEPGRID_NODE__NOOPDURATION"] = TrialDuration.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            info.Environment["SWEEPGRID_NODE__EXECUTOR"] = "science"; // also overrides one inherited from the test's environment
            info.Environment["SWEEPGRID_DATA"] = ScienceData;
        }
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (member Up, database reachable).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"member {Name} exited with {process.ExitCode} before it was ready:\n{Tail()}");
            }
            try
            {
                using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/readyz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Kestrel not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow answer on a loaded machine: ask again.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"member {Name} (port {Port}) was not ready within {timeout.TotalSeconds:0} s:\n{Tail()}");
    }

    /// <summary>SIGKILL: no drain, no leaving; the cluster must notice on its own.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
    }

    /// <summary>SIGTERM: the member drains (hands its running trials back) and leaves; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (process is null)
        {
            throw new InvalidOperationException($"member {Name} was never started");
        }
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!)
        {
            await kill.WaitForExitAsync();
        }
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"member {Name} did not exit within {timeout.TotalSeconds:0} s of SIGTERM:\n{Tail()}");
        }
        return process.ExitCode;
    }

    /// <summary>The node id this member's node registered with (from its log), e.g. <c>127.0.0.1:4053/…</c>.</summary>
    public string Address => $"127.0.0.1:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public string Tail() => string.Join('\n', Log.Split('\n').TakeLast(40));

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
