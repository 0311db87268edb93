using System.Net;
using Microsoft.Extensions.Options;
using SweepGrid.Server.Tests.Support;

namespace SweepGrid.Server.Tests;

/// <summary>The bearer token: required by default, refused when missing or wrong, readable from a file.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task Start_is_refused_without_a_token_unless_explicitly_disabled()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiServer.StartAsync(new Dictionary<string, string?>()));

        Assert.Contains("Api:Token (env SWEEPGRID_API__TOKEN) or Api:TokenFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("Api:RequireToken=false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "needs 'Authorization: Bearer <token>'")]
    [InlineData("not-the-token", "not the one this server is configured with")]
    [InlineData("", "needs 'Authorization: Bearer <token>'")]
    public async Task A_request_without_the_right_token_gets_401_with_a_bearer_challenge(string? token, string why)
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/studies");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        using var response = await client.SendAsync(request);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(why, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_on_every_route_including_writes()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.Client(token: ApiServer.Token + "x");

        using var submit = await client.PostAsync("/api/v1/studies", Http.Yaml(Specs.Tiny));
        using var cancel = await client.PostAsync("/api/v1/studies/x/cancel", null);
        using var nodes = await client.GetAsync("/api/v1/nodes");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { submit.StatusCode, cancel.StatusCode, nodes.StatusCode });
        Assert.Empty(await server.Store.ListStudiesAsync());
    }

    [Fact]
    public async Task The_token_can_come_from_a_file_such_as_a_mounted_secret()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "from-a-secret\n");
        try
        {
            await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:TokenFile"] = file });

            using var right = await server.Client("from-a-secret").GetAsync("/api/v1/studies");
            using var wrong = await server.Client(ApiServer.Token).GetAsync("/api/v1/studies");

            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unreadable_token_file_refuses_start_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-sweepgrid-token");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:TokenFile"] = missing }));

        Assert.Contains($"Api:TokenFile {missing} cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_require_token_false_and_no_token_the_api_serves_without_authentication()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:RequireToken"] = "false" });

        using var response = await server.Client(token: null).GetAsync("/api/v1/studies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Api:MaxBodyBytes", "10", "Api:MaxBodyBytes is 10; allowed 1024..67108864 bytes")]
    [InlineData("Api:Urls", " ", "Api:Urls is empty")]
    public async Task Invalid_options_refuse_start_with_what_is_allowed(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ApiServer.StartAsync(new Dictionary<string, string?> { ["Api:Token"] = "t", [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
