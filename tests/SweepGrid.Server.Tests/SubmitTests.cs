using System.Net;
using System.Text;
using SweepGrid.Orchestration.Embedded;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Server.Planning;
using SweepGrid.Server.Tests.Support;
using SweepGrid.Sweeps;

namespace SweepGrid.Server.Tests;

/// <summary>POST /api/v1/studies: YAML or JSON bodies, the validator's own errors, the body limit.</summary>
public sealed class SubmitTests
{
    [Fact]
    public async Task A_yaml_spec_with_a_profile_is_stored_with_the_ids_a_local_run_would_give_and_resubmitting_resumes_it()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client();

        using var first = await client.PostAsync("/api/v1/studies?profile=quick", Http.Yaml(Specs.Tiny));
        using var again = await client.PostAsync("/api/v1/studies?profile=quick", Http.Yaml(Specs.Tiny));

        var created = await Http.JsonAsync(first, HttpStatusCode.Created);
        Assert.Equal("/api/v1/studies/api-tiny%40quick", first.Headers.Location?.OriginalString);
        Assert.Equal("api-tiny@quick", created.GetProperty("study").GetProperty("studyId").GetString());
        Assert.True(created.GetProperty("created").GetBoolean());
        Assert.Equal(2, created.GetProperty("trialsInserted").GetInt32());
        var resumed = await Http.JsonAsync(again, HttpStatusCode.OK);
        Assert.False(resumed.GetProperty("created").GetBoolean());
        Assert.Equal(0, resumed.GetProperty("trialsInserted").GetInt32());

        var expected = new DatasetSubmissionPlanner(TestData.MnistDirectory).Plan(SweepSpec.Parse(Specs.Tiny, "x.yaml"), "quick", Specs.Tiny);
        var stored = await server.Store.GetStudyAsync("api-tiny@quick");
        Assert.Equal(Specs.Tiny, stored!.SpecText);
        Assert.Equal(2, expected.Trials.Count);
        foreach (var trial in expected.Trials)
        {
            Assert.Equal(StudySubmissions.MaxAttempts, (await server.Store.GetTrialAsync(trial.TrialId))?.MaxAttempts);
        }
    }

    [Fact]
    public async Task A_json_body_carries_the_spec_and_the_profile()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Client().PostJsonAsync("/api/v1/studies", new { spec = Specs.Tiny, profile = "quick" });

        var body = await Http.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("api-tiny@quick", body.GetProperty("study").GetProperty("studyId").GetString());
        Assert.Equal(2, body.GetProperty("study").GetProperty("trialCount").GetInt32());
    }

    [Fact]
    public async Task An_invalid_spec_gets_400_with_the_validators_own_messages_against_the_given_file_name()
    {
        await using var server = await ApiServer.StartAsync();
        var local = Assert.Throws<SpecException>(() => SweepSpec.Parse(Specs.Invalid, "sweeps/bad.yaml"));

        using var response = await server.Client().PostAsync("/api/v1/studies?file=sweeps/bad.yaml", Http.Yaml(Specs.Invalid));

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid spec", problem.GetProperty("title").GetString());
        Assert.Equal(string.Join('\n', local.Errors), problem.GetProperty("detail").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(local.Errors.Count, errors.Count);
        var misspelled = errors.Single(e => e.GetProperty("path").GetString() == "model.temprature");
        Assert.Equal("sweeps/bad.yaml", misspelled.GetProperty("file").GetString());
        Assert.Equal(2, misspelled.GetProperty("line").GetInt32());
        Assert.Contains("did you mean 'temperature'", misspelled.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await server.Store.ListStudiesAsync());
    }

    [Fact]
    public async Task An_unknown_profile_is_a_400_naming_the_profiles()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Client().PostAsync("/api/v1/studies?profile=quik", Http.Yaml(Specs.Tiny));

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("unknown profile 'quik'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_whether_its_length_is_declared_or_chunked()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:Token"] = ApiServer.Token, ["Api:MaxBodyBytes"] = "4096" });
        using var client = server.Client();
        var big = Specs.Tiny + "\n#" + new string('x', 5000) + "\n";

        using var declared = await client.PostAsync("/api/v1/studies", Http.Yaml(big));
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/studies") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var streamed = await client.SendAsync(request);

        var problem = await Http.ProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than 4,096 bytes (Api:MaxBodyBytes)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Http.ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await server.Store.ListStudiesAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_refused_with_its_byte_offset()
    {
        await using var server = await ApiServer.StartAsync();
        byte[] latin1 = [.. "study: {name: caf"u8, 0xE9, .. "}\n"u8];

        using var response = await server.Client().PostAsync("/api/v1/studies", Http.YamlBytes(latin1));

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("0xE9 at byte offset 17 is not valid UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Other_media_types_get_415_saying_what_is_accepted(string mediaType)
    {
        await using var server = await ApiServer.StartAsync();
        using var content = new StringContent(Specs.Tiny, Encoding.UTF8, mediaType);

        using var response = await server.Client().PostAsync("/api/v1/studies", content);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/yaml or text/plain", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_gets_400_naming_the_expected_shape()
    {
        await using var server = await ApiServer.StartAsync();
        using var content = new StringContent("{\"spec\": ", Encoding.UTF8, "application/json");

        using var response = await server.Client().PostAsync("/api/v1/studies", content);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON {\"spec\": \"...\", \"profile\": \"...\"}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
