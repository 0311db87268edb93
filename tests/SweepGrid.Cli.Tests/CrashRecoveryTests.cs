using System.Diagnostics;
using SweepGrid.Store;

namespace SweepGrid.Cli.Tests;

/// <summary>
/// Runs the real CLI as a child process, kills it with SIGKILL several times in the middle of trials,
/// restarts it, and checks that every trial completed exactly once with the results of an uninterrupted run.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string Spec = """
        study:
          name: crash
        dataset:
          name: mnist
          train_limit: 8000
          test_limit: 300
        model:
          kind: mlp
        training:
          epochs: 4
          batch_size: 64
        seeds: 2
        axes:
          model.temperature: [1/4, 1/2, 1, 2]
        evaluation:
          - clean
          - fgsm=0.1
        """;

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("sweepgrid-crash-");

    [Fact]
    public async Task Killing_the_run_with_sigkill_loses_only_in_flight_trials_and_the_rerun_gives_identical_results()
    {
        var spec = Path.Combine(dir.FullName, "crash.yaml");
        await File.WriteAllTextAsync(spec, Spec);
        var interrupted = Path.Combine(dir.FullName, "interrupted.db");
        var reference = Path.Combine(dir.FullName, "reference.db");

        // Kill each run in the middle of a trial, after it has completed at least one more trial than
        // the previous run (so the study progresses), reading the store the child writes (WAL readers).
        var kills = 0;
        var completedBefore = 0;
        for (var round = 0; round < 3; round++)
        {
            using var run = Start(spec, interrupted);
            var killed = false;
            while (!run.HasExited)
            {
                var counts = await Counts(interrupted);
                if (counts.TryGetValue(TrialState.Completed, out var done) && done > completedBefore && counts.GetValueOrDefault(TrialState.Leased) > 0)
                {
                    run.Kill(entireProcessTree: true);   // SIGKILL: no chance to clean up
                    await run.WaitForExitAsync();
                    completedBefore = done;
                    kills++;
                    killed = true;
                    break;
                }
                await Task.Delay(20);
            }
            if (!killed)
            {
                break;
            }
        }
        Assert.True(kills >= 2, $"only {kills} runs could be killed mid-trial before the study finished; make the study longer");
        Assert.Equal(0, await RunToEnd(spec, interrupted));
        Assert.Equal(0, await RunToEnd(spec, reference));

        var afterCrashes = await Results(interrupted);
        var uninterrupted = await Results(reference);
        Assert.Equal(uninterrupted.Count, afterCrashes.Count);
        foreach (var (key, value) in uninterrupted)
        {
            Assert.True(afterCrashes.TryGetValue(key, out var other), $"missing result {key} after the crashes");
            Assert.Equal(value, other);
        }
    }

    private static async Task<IReadOnlyDictionary<TrialState, int>> Counts(string database)
    {
        if (!File.Exists(database))
        {
            return new Dictionary<TrialState, int>();
        }
        try
        {
            await using var store = TrialStores.OpenSqlite(database);
            return await store.CountTrialsByStateAsync("crash");
        }
        catch (StoreException)
        {
            return new Dictionary<TrialState, int>();   // the child is still creating the schema
        }
    }

    private static async Task<Dictionary<(string Trial, string Condition, string Metric), double>> Results(string database)
    {
        await using var store = TrialStores.OpenSqlite(database);
        var rows = await store.GetResultsAsync("crash");
        // Exactly once: no (trial, condition, metric) appears twice.
        Assert.Equal(rows.Count, rows.Select(r => (r.TrialId, r.Condition, r.Metric)).Distinct().Count());
        var counts = await store.CountTrialsByStateAsync("crash");
        Assert.Equal(8, counts[TrialState.Completed]);
        return rows.ToDictionary(r => (r.TrialId, r.Condition, r.Metric), r => r.Value);
    }

    private async Task<int> RunToEnd(string spec, string database)
    {
        using var run = Start(spec, database);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await run.WaitForExitAsync(timeout.Token);
        return run.ExitCode;
    }

    private Process Start(string spec, string database)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "sweepgrid.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "run", spec, "--db", database, "--slots", "2", "--data", CliRunner.MnistDirectory, "--reports", Path.Combine(dir.FullName, "reports") })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public void Dispose() => dir.Delete(recursive: true);
}
