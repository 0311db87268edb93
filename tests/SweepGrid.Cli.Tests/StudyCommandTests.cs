using SweepGrid.Store;

namespace SweepGrid.Cli.Tests;

/// <summary>`run`, `validate`, `list`, `status`, `cancel` and `report` in process, on a temporary SQLite store.</summary>
public sealed class StudyCommandTests : IDisposable
{
    private const string Ensembles = """
        study:
          name: tiny-ensembles
        dataset:
          name: mnist
          train_limit: 600
          test_limit: 200
        model:
          kind: mlp
        training:
          epochs: 1
        seeds: 3
        evaluation:
          - clean
          - fgsm=0.1
        ensembles: [1, 3]
        """;

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("sweepgrid-study-");

    private string Db => Path.Combine(dir.FullName, "store.db");

    [Fact]
    public async Task Run_trains_members_once_evaluates_ensembles_from_their_weights_and_writes_the_report()
    {
        var spec = await Write("ensembles.yaml", Ensembles);

        var (exit, output, error) = await Cli("run", spec, "--db", Db, "--slots", "2", "--data", CliRunner.MnistDirectory, "--reports", Path.Combine(dir.FullName, "reports"));

        Assert.True(exit == 0, $"exit {exit}; stdout {output}; stderr {error}");
        await using var store = TrialStores.OpenSqlite(Db);
        var counts = await store.CountTrialsByStateAsync("tiny-ensembles");
        Assert.Equal(5, counts[TrialState.Completed]);
        var results = await store.GetResultsAsync("tiny-ensembles");
        var ensembles = results.Where(r => r.Kind == "ensemble").ToList();
        Assert.Equal(2, ensembles.Select(r => r.TrialId).Distinct().Count());
        Assert.All(ensembles.Where(r => r.Metric == "accuracy_majority_vote"), r => Assert.InRange(r.Value, 0.0, 1.0));
        // The 3-member ensemble (mean softmax) is at least as accurate as its members on average; the
        // 1-member ensemble is exactly its single member.
        var memberAccuracies = results.Where(r => r.Kind == "train" && r.Condition == "clean" && r.Metric == "accuracy").Select(r => r.Value).ToList();
        var ensembleAccuracies = ensembles.Where(r => r.Condition == "clean" && r.Metric == "accuracy").Select(r => r.Value).ToList();
        Assert.Equal(3, memberAccuracies.Count);
        Assert.True(ensembleAccuracies.Max() >= memberAccuracies.Average(), $"ensemble {ensembleAccuracies.Max()} vs members' mean {memberAccuracies.Average()}");
        Assert.Contains(ensembleAccuracies.Min(), memberAccuracies);
        Assert.True(File.Exists(Path.Combine(dir.FullName, "reports", "tiny-ensembles", "summary.md")));
        Assert.Contains("clean", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reads_a_spec_from_a_pipe_once_and_stores_its_text()
    {
        var text = Ensembles.Replace("seeds: 3", "seeds: 1", StringComparison.Ordinal).Replace("ensembles: [1, 3]", "", StringComparison.Ordinal)
            .Replace("name: tiny-ensembles", "name: piped", StringComparison.Ordinal);
        var file = await Write("piped.yaml", text);
        var fifo = Path.Combine(dir.FullName, "spec.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }
        // The writer delivers the spec once, as `sweepgrid run <(generate-spec)` would.
        using var writer = System.Diagnostics.Process.Start("sh", ["-c", $"cat '{file}' > '{fifo}'"]);

        var (exit, output, error) = await Cli("run", fifo, "--db", Db, "--data", CliRunner.MnistDirectory, "--reports", dir.FullName);

        Assert.True(exit == 0, $"exit {exit}; stdout {output}; stderr {error}");
        await using var store = TrialStores.OpenSqlite(Db);
        Assert.Equal(1, (await store.CountTrialsByStateAsync("piped"))[TrialState.Completed]);
        Assert.Equal(text, (await store.GetStudyAsync("piped"))!.SpecText);
    }

    [Fact]
    public async Task Adding_an_evaluation_reuses_the_stored_weights_instead_of_retraining()
    {
        var first = await Write("a.yaml", Ensembles.Replace("ensembles: [1, 3]", "", StringComparison.Ordinal));
        var second = await Write("b.yaml", Ensembles.Replace("ensembles: [1, 3]", "", StringComparison.Ordinal)
            .Replace("name: tiny-ensembles", "name: more-conditions", StringComparison.Ordinal)
            .Replace("  - fgsm=0.1", "  - fgsm=0.1\n  - blur=0.5", StringComparison.Ordinal));

        Assert.Equal(0, (await Cli("run", first, "--db", Db, "--data", CliRunner.MnistDirectory, "--reports", dir.FullName)).Exit);
        Assert.Equal(0, (await Cli("run", second, "--db", Db, "--data", CliRunner.MnistDirectory, "--reports", dir.FullName)).Exit);

        await using var store = TrialStores.OpenSqlite(Db);
        var trials = (await store.GetResultsAsync("more-conditions")).Select(r => r.TrialId).Distinct().ToList();
        Assert.Equal(3, trials.Count);
        foreach (var id in trials)
        {
            var trial = await store.GetTrialAsync(id);
            Assert.Equal("[]", trial!.CurveJson);   // evaluated from stored weights: no training curve
        }
    }

    [Fact]
    public async Task Validate_prints_the_expansion_or_every_error_with_its_position()
    {
        var good = await Write("good.yaml", Ensembles);
        var bad = await Write("bad.yaml", Ensembles.Replace("epochs: 1", "epoch: 1", StringComparison.Ordinal).Replace("kind: mlp", "kind: resnet", StringComparison.Ordinal));

        var (ok, output, _) = await Cli("validate", good);
        var (fail, _, error) = await Cli("validate", bad);

        Assert.Equal(0, ok);
        Assert.Contains("3 trainings", output, StringComparison.Ordinal);
        Assert.Equal(2, fail);
        Assert.Contains("bad.yaml:8:9: model.kind", error, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:10:3: training.epoch", error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'epochs'", error, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_status_and_cancel_read_and_steer_stored_studies()
    {
        await using (var store = TrialStores.OpenSqlite(Db))
        {
            await store.MigrateAsync();
            await store.SubmitStudyAsync(new StudySubmission("waiting", "waiting", "spec",
                [new TrialSubmission("t1", "train", "{}", null, "{}", 0, 3, []), new TrialSubmission("t2", "train", "{}", null, "{}", 0, 3, [])]), DateTimeOffset.UtcNow);
        }

        var (_, listed, _) = await Cli("list", "--db", Db);
        var (_, before, _) = await Cli("status", "waiting", "--db", Db);
        var (cancelExit, _, _) = await Cli("cancel", "waiting", "--db", Db);
        var (_, after, _) = await Cli("status", "waiting", "--db", Db);
        var (missing, _, error) = await Cli("status", "nope", "--db", Db);

        Assert.Contains("waiting", listed, StringComparison.Ordinal);
        Assert.Contains("2 queued", before, StringComparison.Ordinal);
        Assert.Equal(0, cancelExit);
        Assert.Contains("2 cancelled", after, StringComparison.Ordinal);
        Assert.Equal(2, missing);
        Assert.Contains("no study 'nope'", error, StringComparison.Ordinal);
    }

    private async Task<string> Write(string name, string text)
    {
        var path = Path.Combine(dir.FullName, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static Task<(int Exit, string Output, string Error)> Cli(params string[] args) => CliRunner.Study(args);

    public void Dispose() => dir.Delete(recursive: true);
}
