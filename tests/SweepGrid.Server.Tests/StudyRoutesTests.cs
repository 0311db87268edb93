using System.Net;
using SweepGrid.Server.Tests.Support;
using SweepGrid.Store;

namespace SweepGrid.Server.Tests;

/// <summary>Status, cancel, retry, results, report and nodes over a real SQLite store.</summary>
public sealed class StudyRoutesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static async Task<ApiServer> WithStudyAsync()
    {
        var server = await ApiServer.StartAsync();
        using var response = await server.Client().PostAsync("/api/v1/studies?profile=quick", Http.Yaml(Specs.Tiny));
        await Http.JsonAsync(response, HttpStatusCode.Created);
        return server;
    }

    /// <summary>Completes one trial and fails the other, as a node would.</summary>
    private static async Task<(string Completed, string Failed)> FinishTrialsAsync(ITrialStore store)
    {
        var first = (await store.LeaseNextAsync("node-a", TimeSpan.FromMinutes(1), Now))!;
        var results = new TrialResults([new ResultRow("clean", "accuracy", 0.91), new ResultRow("fgsm=0.1", "accuracy", double.NaN)], "[]", "{}");
        Assert.True((await store.CompleteAsync(first, results, Now)).IsAccepted);
        var second = (await store.LeaseNextAsync("node-a", TimeSpan.FromMinutes(1), Now))!;
        Assert.True((await store.FailAsync(second, "diverged at epoch 1", retryable: false, Now)).IsAccepted);
        return (first.TrialId, second.TrialId);
    }

    [Fact]
    public async Task Status_gives_counts_by_state_and_each_failed_trial_with_its_reason()
    {
        await using var server = await WithStudyAsync();
        var (_, failed) = await FinishTrialsAsync(server.Store);

        using var response = await server.Client().GetAsync("/api/v1/studies/api-tiny@quick");

        var status = await Http.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("api-tiny@quick", status.GetProperty("study").GetProperty("studyId").GetString());
        var counts = status.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("completed").GetInt32());
        Assert.Equal(1, counts.GetProperty("failed").GetInt32());
        Assert.Equal(0, counts.GetProperty("queued").GetInt32());
        var failure = Assert.Single(status.GetProperty("failures").EnumerateArray());
        Assert.Equal(failed, failure.GetProperty("trialId").GetString());
        Assert.Equal("diverged at epoch 1", failure.GetProperty("reason").GetString());
        Assert.Equal(1, failure.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task List_gives_every_study_in_camel_case()
    {
        await using var server = await WithStudyAsync();

        using var response = await server.Client().GetAsync("/api/v1/studies");

        var study = Assert.Single((await Http.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("api-tiny@quick", study.GetProperty("studyId").GetString());
        Assert.Equal("running", study.GetProperty("state").GetString());
        Assert.Equal(2, study.GetProperty("trialCount").GetInt32());
    }

    [Fact]
    public async Task The_spec_is_returned_as_submitted()
    {
        await using var server = await WithStudyAsync();

        using var response = await server.Client().GetAsync("/api/v1/studies/api-tiny@quick/spec");

        var body = await Http.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("api-tiny@quick", body.GetProperty("studyId").GetString());
        Assert.Equal((await server.Store.GetStudyAsync("api-tiny@quick"))!.SpecText, body.GetProperty("spec").GetString());
        Assert.Contains("name: api-tiny", body.GetProperty("spec").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_the_long_format_rows_with_axes_and_non_finite_values_as_strings()
    {
        await using var server = await WithStudyAsync();
        var (completed, _) = await FinishTrialsAsync(server.Store);

        using var response = await server.Client().GetAsync("/api/v1/studies/api-tiny@quick/results");

        var rows = (await Http.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(completed, r.GetProperty("trialId").GetString()));
        var clean = rows.Single(r => r.GetProperty("condition").GetString() == "clean");
        Assert.Equal(0.91, clean.GetProperty("value").GetDouble());
        Assert.Equal("accuracy", clean.GetProperty("metric").GetString());
        Assert.True(clean.GetProperty("axes").TryGetProperty("seed", out _), "each row should carry the study's axes for its trial");
        Assert.Equal("NaN", rows.Single(r => r.GetProperty("condition").GetString() == "fgsm=0.1").GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("md", "text/markdown", "# api-tiny@quick")]
    [InlineData(null, "text/markdown", "## accuracy")]
    [InlineData("csv", "text/csv", "0.91")]
    [InlineData("json", "application/json", "\"format\": \"sweepgrid-report/1\"")]
    public async Task Report_is_rendered_from_the_stored_rows_in_the_asked_format(string? format, string mediaType, string expected)
    {
        await using var server = await WithStudyAsync();
        await FinishTrialsAsync(server.Store);

        using var response = await server.Client().GetAsync("/api/v1/studies/api-tiny@quick/report" + (format is null ? "" : "?format=" + format));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_in_an_unknown_format_is_a_400_listing_the_formats()
    {
        await using var server = await WithStudyAsync();

        using var response = await server.Client().GetAsync("/api/v1/studies/api-tiny@quick/report?format=svg");

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("format must be md, csv or json (got 'svg')", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Cancel_cancels_the_queued_trials()
    {
        await using var server = await WithStudyAsync();

        using var response = await server.Client().PostAsync("/api/v1/studies/api-tiny@quick/cancel", null);

        var study = await Http.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("cancelled", study.GetProperty("state").GetString());
        Assert.Equal(2, (await server.Store.CountTrialsByStateAsync("api-tiny@quick"))[TrialState.Cancelled]);
    }

    [Fact]
    public async Task Retry_of_a_study_without_failed_trials_requeues_none()
    {
        await using var server = await WithStudyAsync();

        using var response = await server.Client().PostAsync("/api/v1/studies/api-tiny@quick/retry", null);

        var body = await Http.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("api-tiny@quick", body.GetProperty("studyId").GetString());
        Assert.Equal(0, body.GetProperty("requeued").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/v1/studies/nope")]
    [InlineData("GET", "/api/v1/studies/nope/results")]
    [InlineData("GET", "/api/v1/studies/nope/spec")]
    [InlineData("GET", "/api/v1/studies/nope/report")]
    [InlineData("POST", "/api/v1/studies/nope/cancel")]
    [InlineData("POST", "/api/v1/studies/nope/retry")]
    public async Task An_unknown_study_is_a_404_naming_it(string method, string path)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await Http.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("no study 'nope' (GET /api/v1/studies lists them)", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Nodes_lists_what_each_node_last_reported()
    {
        await using var server = await ApiServer.StartAsync();
        await server.Store.RecordNodeHeartbeatAsync("gpu-0", 4, "ready", Now);

        using var response = await server.Client().GetAsync("/api/v1/nodes");

        var node = Assert.Single((await Http.JsonAsync(response, HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("gpu-0", node.GetProperty("nodeId").GetString());
        Assert.Equal(4, node.GetProperty("slots").GetInt32());
        Assert.Equal("ready", node.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Client(token: null).GetAsync("/openapi/v1.json");

        var paths = (await Http.JsonAsync(response, HttpStatusCode.OK)).GetProperty("paths");
        string[] expected =
        [
            "/api/v1/studies", "/api/v1/studies/{studyId}", "/api/v1/studies/{studyId}/cancel", "/api/v1/studies/{studyId}/retry",
            "/api/v1/studies/{studyId}/results", "/api/v1/studies/{studyId}/spec", "/api/v1/studies/{studyId}/report", "/api/v1/nodes",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(paths.GetProperty("/api/v1/studies").TryGetProperty("post", out _));
    }
}
