using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SweepGrid.Server.Tests.Support;

/// <summary>Request and response helpers.</summary>
internal static class Http
{
    public static HttpContent Yaml(string text) => new StringContent(text, Encoding.UTF8, "application/yaml");

    public static HttpContent YamlBytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/yaml");
        return content;
    }

    /// <summary>The response's JSON, failing with the body when it is not what was expected.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A problem-details response: its status, media type and detail.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var problem = await JsonAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T value) =>
        client.PostAsJsonAsync(path, value);
}
