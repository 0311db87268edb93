using System.Diagnostics;

namespace SweepGrid.Telemetry.Tests;

/// <summary>The real <c>promtool check metrics</c> (Debian's prometheus package), shared by the tests that lint an exposition.</summary>
internal static class Promtool
{
    /// <summary>Lints <paramref name="exposition"/>: promtool's exit code and everything it printed, trimmed (empty when clean).</summary>
    public static async Task<(int ExitCode, string Problems)> CheckMetricsAsync(string exposition)
    {
        var start = new ProcessStartInfo("promtool") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("metrics");
        using var promtool = Process.Start(start)!;
        var output = promtool.StandardOutput.ReadToEndAsync();
        var error = promtool.StandardError.ReadToEndAsync();
        await promtool.StandardInput.WriteAsync(exposition);
        promtool.StandardInput.Close();
        await promtool.WaitForExitAsync();
        return (promtool.ExitCode, ((await output) + (await error)).Trim());
    }
}
