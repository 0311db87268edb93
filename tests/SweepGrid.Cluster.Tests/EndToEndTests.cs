using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Server.Studies;
using SweepGrid.Store;
using SweepGrid.Store.Tests;

namespace SweepGrid.Cluster.Tests;

/// <summary>
/// The cluster's promise to a new user, end to end with real training: three `sweepgrid serve` members (both
/// roles, one slot each, the science executor reading the shared MNIST) on loopback and a throwaway PostgreSQL;
/// a small real study (MLP, two temperatures × two seeds, clean and FGSM) submitted over the HTTP API; the
/// member hosting the coordinator singleton SIGKILLed as soon as trials run, its own included (that trial is
/// requeued as lost and trained again on a survivor); the study still completes, read back through the API of
/// a surviving member, with every trial recorded exactly once and results equal to those of a calm embedded
/// `sweepgrid run` of the same spec on SQLite (same trial ids, same (trial, condition, metric) rows, same values:
/// one libtorch thread and fixed seeds make training deterministic).
/// </summary>
public sealed class EndToEndTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private const string Spec = """
        study:
          name: e2e
          description: End-to-end cluster test; MLP-T at T = 1, 2 on a slice of MNIST, clean and FGSM.
        dataset:
          name: mnist
          train_limit: 2000
          test_limit: 500
        model:
          kind: mlp
        training:
          epochs: 1
          batch_size: 64
          optimizer: {kind: adam, lr: 0.001}
        seeds: 2
        axes:
          model.temperature: [1, 2]
        evaluation:
          - clean
          - fgsm=0.1
        """;

    private const int Trials = 4;
    private readonly List<Member> members = [];
    private readonly List<string> temporary = [];

    [Fact]
    public async Task A_study_submitted_over_http_survives_the_singleton_hosts_SIGKILL_with_the_results_of_a_calm_embedded_run()
    {
        var clock = Stopwatch.StartNew();
        var specFile = Temporary("yaml");
        await File.WriteAllTextAsync(specFile, Spec);
        // The calm reference runs alongside the cluster's start-up (it only needs the CPU once trials train).
        var embedded = RunEmbeddedAsync(specFile, Temporary("db"), Temporary("reports"));

        var database = await CreateDatabaseAsync();
        var ports = Enumerable.Range(0, 3).Select(_ => (Akka: Member.FreePort(), Http: Member.FreePort())).ToList();
        var seeds = $"127.0.0.1:{ports[0].Akka},127.0.0.1:{ports[1].Akka}";
        for (var i = 0; i < 3; i++)
        {
            members.Add(new Member($"m{i + 1}", ports[i].Akka, ports[i].Http, seeds, database, TimeSpan.Zero, scienceData: TestData.MnistDirectory, slots: 1));
        }
        // The first seed starts first, so it is the oldest member and hosts the singleton (as in FailoverTests).
        members[0].Start();
        await members[0].WaitReadyAsync(Ready);
        members[1].Start();
        members[2].Start();
        await Task.WhenAll(members[1].WaitReadyAsync(Ready), members[2].WaitReadyAsync(Ready));
        var started = clock.Elapsed;

        // Submit through a member that survives, and follow the study there.
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{members[1].HttpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Member.ApiToken);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Spec));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        using var submitted = await api.PostAsync(new Uri("api/v1/studies?file=e2e.yaml", UriKind.Relative), content);
        Assert.True(submitted.IsSuccessStatusCode, $"submit answered {(int)submitted.StatusCode}: {await submitted.Content.ReadAsStringAsync()}\n{Logs()}");
        var submission = (await submitted.Content.ReadFromJsonAsync<SubmitResponse>(Json))!;
        Assert.True(submission.Created && submission.TrialsInserted == Trials, $"submit: {JsonSerializer.Serialize(submission, Json)}");
        var studyId = submission.Study.StudyId;

        // As soon as a trial runs, SIGKILL the singleton's host (its own running trial dies with it).
        var host = members[0];
        for (var wait = 0; wait < 100 && !host.Log.Contains("Coordinator recovered", StringComparison.Ordinal); wait++)
        {
            await Task.Delay(100); // the submission went through the coordinator; its start line may still be on its way
        }
        Assert.True(host.Log.Contains("Coordinator recovered", StringComparison.Ordinal), $"m1 does not host the coordinator:\n{Logs()}");
        var running = await WaitStatusAsync(api, studyId, s => Count(s, "leased") > 0, "a trial running", TimeSpan.FromMinutes(2));
        Assert.True(Count(running, "completed") < Trials, "the study ended before the kill could be observed; make it longer");
        // One slot per node and more trials than nodes: the host's own slot is leased moments later, so its trial dies with it.
        var lost = await WaitLeasedByAsync(database, host, TimeSpan.FromSeconds(30));
        host.Kill();
        var killed = clock.Elapsed;

        var done = await WaitStatusAsync(api, studyId, s => Count(s, "completed") + Count(s, "failed") + Count(s, "cancelled") == Trials,
            "every trial finished", TimeSpan.FromMinutes(3));
        Assert.True(Count(done, "completed") == Trials, $"study {studyId}: {JsonSerializer.Serialize(done, Json)}\n{Logs()}");
        Assert.True(members.Skip(1).Any(m => m.Log.Contains("Coordinator recovered", StringComparison.Ordinal)),
            $"no surviving member took over the coordinator:\n{Logs()}");
        var finished = clock.Elapsed;

        using var read = await api.GetAsync(new Uri($"api/v1/studies/{Uri.EscapeDataString(studyId)}/results", UriKind.Relative));
        Assert.True(read.IsSuccessStatusCode, $"results answered {(int)read.StatusCode}: {await read.Content.ReadAsStringAsync()}");
        var cluster = (await read.Content.ReadFromJsonAsync<List<ResultRowDto>>(Json))!;

        var (runExit, runOutput, sqlite) = await embedded;
        Assert.True(runExit == 0, $"sweepgrid run exited {runExit}:\n{runOutput}");
        IReadOnlyList<StudyResultRow> calm;
        await using (var store = TrialStores.OpenSqlite(sqlite))
        {
            calm = await store.GetResultsAsync(studyId);
        }

        // Same trials, same (trial, condition, metric) rows, each once, same values.
        Assert.Equal(Trials, calm.Select(r => r.TrialId).Distinct().Count());
        Assert.Equal(calm.Select(r => r.TrialId).Distinct().Order(StringComparer.Ordinal), cluster.Select(r => r.TrialId).Distinct().Order(StringComparer.Ordinal));
        var expected = calm.ToDictionary(r => (r.TrialId, r.Condition, r.Metric), r => r.Value);
        var duplicates = cluster.GroupBy(r => (r.TrialId, r.Condition, r.Metric)).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
        Assert.True(duplicates.Count == 0, "rows recorded more than once:\n" + string.Join('\n', duplicates));
        Assert.Equal(expected.Keys.Order(), cluster.Select(r => (r.TrialId, r.Condition, r.Metric)).Order());
        Assert.Contains(cluster, r => r.Condition == "fgsm=0.1");
        var differences = cluster.Where(r => !expected[(r.TrialId, r.Condition, r.Metric)].Equals(r.Value))
            .Select(r => $"{r.TrialId} {r.Condition} {r.Metric}: cluster {r.Value:R}, embedded {expected[(r.TrialId, r.Condition, r.Metric)]:R}").ToList();
        Assert.True(differences.Count == 0, "values differ from the calm embedded run:\n" + string.Join('\n', differences));

        // The killed host's trial was requeued as lost (attempts spent) and trained again on a survivor.
        var events = await EventsAsync(database, "trial-requeued");
        Assert.True(events.Any(e => e.TrialId == lost && e.Detail.Contains(" lost on node " + host.Address, StringComparison.Ordinal)),
            $"trial {lost} of the killed host was not requeued as lost; requeues:\n{string.Join('\n', events.Select(e => $"{e.TrialId}: {e.Detail}"))}\n{Logs()}");

        // Exactly once in the store too: one completion event per trial, whatever was lost with the killed member.
        var completions = await StudyEventCounts.CountAsync(database, "trial-completed"); // the database holds this study only
        Assert.True(completions == Trials, $"expected one trial-completed event per trial ({Trials}), found {completions}:\n{Logs()}");
        Console.WriteLine($"end-to-end: members ready {started.TotalSeconds:0.0} s, kill at {killed.TotalSeconds:0.0} s, study done {finished.TotalSeconds:0.0} s, total {clock.Elapsed.TotalSeconds:0.0} s");
    }

    public void Dispose()
    {
        foreach (var member in members)
        {
            member.Dispose();
        }
        foreach (var path in temporary)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            {
                File.Delete(file);
            }
        }
    }

    private string Temporary(string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sweepgrid-e2e-{Guid.NewGuid():N}.{extension}");
        temporary.Add(path);
        return path;
    }

    private string Logs() => string.Join("\n---\n", members.Select(m => $"{m.Name}:\n{m.Tail()}"));

    private async Task<StudyStatus> WaitStatusAsync(HttpClient api, string studyId, Func<StudyStatus, bool> until, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        StudyStatus? last = null;
        string? problem = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await api.GetAsync(new Uri($"api/v1/studies/{Uri.EscapeDataString(studyId)}", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    last = (await response.Content.ReadFromJsonAsync<StudyStatus>(Json))!;
                    if (until(last))
                    {
                        return last;
                    }
                }
                else
                {
                    problem = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                problem = e.Message; // a slow answer on a loaded machine: ask again
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"study {studyId}: not '{what}' after {timeout.TotalSeconds:0} s; last status {(last is null ? "none" : JsonSerializer.Serialize(last.Counts, Json))}, last problem {problem ?? "none"}\n{Logs()}");
    }

    private static int Count(StudyStatus status, string state) => status.Counts.TryGetValue(state, out var n) ? n : 0;

    private async Task<string> CreateDatabaseAsync()
    {
        var name = $"e2e_{Guid.NewGuid():N}";
        await postgres.ExecuteAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = name }.ToString();
    }

    /// <summary>`sweepgrid run SPEC --db SQLITE --slots 1` on the same MNIST folder: the calm reference.</summary>
    private static async Task<(int ExitCode, string Output, string Database)> RunEmbeddedAsync(string spec, string sqlite, string reports)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "sweepgrid.dll"), "run", spec, "--db", sqlite, "--slots", "1", "--data", TestData.MnistDirectory,
                     "--reports", reports,
                 })
        {
            info.ArgumentList.Add(argument);
        }
        using var run = Process.Start(info)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await run.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            run.Kill(entireProcessTree: true);
            return (-1, "timed out after 4 min:\n" + await error + await output, sqlite);
        }
        return (run.ExitCode, await error + await output, sqlite);
    }

    /// <summary>Waits until a trial is leased by <paramref name="member"/>'s node and returns its id.</summary>
    private async Task<string> WaitLeasedByAsync(string database, Member member, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT id FROM trials WHERE state = 'leased' AND lease_owner LIKE @owner ORDER BY id LIMIT 1", connection);
            command.Parameters.AddWithValue("owner", member.Address + "/%");
            if (await command.ExecuteScalarAsync() is string trial)
            {
                return trial;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no trial leased by {member.Name}'s node within {timeout.TotalSeconds:0} s\n{Logs()}");
    }

    private static async Task<List<(string? TrialId, string Detail)>> EventsAsync(string database, string kind)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT trial_id, detail FROM events WHERE kind = @kind ORDER BY id", connection);
        command.Parameters.AddWithValue("kind", kind);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string?, string)>();
        while (await reader.ReadAsync())
        {
            events.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)));
        }
        return events;
    }
}
