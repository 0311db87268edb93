using System.Diagnostics;
using System.Text.Json;

namespace SweepGrid.Robustness.Tests.Support;

/// <summary>
/// TorchSharp's native library loads on this machine from the build output and trains, in a process of
/// its own (the build patches libLibTorchSharp.so for Debian 12's libstdc++: docs/adr/0004).
/// </summary>
public class TorchSharpRuntimeTests
{
    [Fact]
    public async Task A_fresh_process_loads_TorchSharp_and_trains_a_network()
    {
        var assembly = typeof(FreshProcessEntry).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [assembly, FreshProcessEntry.TrainCommand])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var reading = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await reading;
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; stderr:\n{error}");
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.StartsWith("2.10", root.GetProperty("version").GetString());
        Assert.Equal("Completed", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("last_loss").GetDouble() < root.GetProperty("first_loss").GetDouble(),
            $"training should lower the loss: {output}");
        Assert.True(root.GetProperty("last_accuracy").GetDouble() > 0.5, $"training should beat chance by far: {output}");
    }
}
