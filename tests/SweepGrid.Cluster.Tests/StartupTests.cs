using System.Diagnostics;

namespace SweepGrid.Cluster.Tests;

/// <summary>`serve` refuses bad options at start with exit code 2 and a message naming the option.</summary>
public class StartupTests
{
    [Theory]
    [InlineData("--device", "cuda", "--device (Node:Device): device 'cuda' asked for, but no CUDA device is usable here")]
    [InlineData("--slots", "100000", "Node:Slots (--slots) must be 1-256")]
    [InlineData("--roles", "worker", "Cluster:Roles (--roles)")]
    public async Task A_bad_option_exits_2_naming_it(string option, string value, string expected)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "sweepgrid.dll"), "serve", "--db", Path.Combine(Path.GetTempPath(), "unused.db"), option, value })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, await error, StringComparison.Ordinal);
    }
}
