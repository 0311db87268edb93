using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using SweepGrid.Server.Studies;

namespace SweepGrid.Cli.Remote;

/// <summary>
/// The CLI's side of the HTTP API (<c>docs/api.md</c>). Every failure becomes a <see cref="RemoteFailure"/> with
/// the server's own problem detail (for a spec: the validator's lines), never an exception trace.
/// </summary>
internal sealed class StudyApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly HttpClient _http;
    private readonly Uri _server;

    public StudyApiClient(Uri server, string? token, HttpMessageHandler? handler = null)
    {
        _server = server;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = server;
        _http.Timeout = TimeSpan.FromSeconds(100);
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>Parses <c>--server</c>: an absolute http(s) URL.</summary>
    public static Uri ParseServer(string text)
    {
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
        }
        throw new RemoteFailure(ExitCodes.InvalidInput, [$"--server must be an http:// or https:// URL such as http://coordinator:5080 (got '{text}')"]);
    }

    public Task<List<StudySummary>> ListAsync(CancellationToken ct) => GetAsync<List<StudySummary>>("api/v1/studies", ct);

    public Task<StudyStatus> StatusAsync(string studyId, CancellationToken ct) => GetAsync<StudyStatus>($"api/v1/studies/{Escape(studyId)}", ct);

    public Task<List<ResultRowDto>> ResultsAsync(string studyId, CancellationToken ct) => GetAsync<List<ResultRowDto>>($"api/v1/studies/{Escape(studyId)}/results", ct);

    public Task<StudySpec> SpecAsync(string studyId, CancellationToken ct) => GetAsync<StudySpec>($"api/v1/studies/{Escape(studyId)}/spec", ct);

    public Task<StudySummary> CancelAsync(string studyId, CancellationToken ct) => PostAsync<StudySummary>($"api/v1/studies/{Escape(studyId)}/cancel", null, ct);

    public Task<RetryResponse> RetryAsync(string studyId, CancellationToken ct) => PostAsync<RetryResponse>($"api/v1/studies/{Escape(studyId)}/retry", null, ct);

    /// <summary>Submits spec bytes as they are on disk (the server checks UTF-8 and size); errors name <paramref name="file"/>.</summary>
    public Task<SubmitResponse> SubmitAsync(byte[] spec, string file, string? profile, CancellationToken ct)
    {
        var content = new ByteArrayContent(spec);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        var query = $"file={Uri.EscapeDataString(file)}" + (profile is null ? "" : $"&profile={Uri.EscapeDataString(profile)}");
        return PostAsync<SubmitResponse>($"api/v1/studies?{query}", content, ct);
    }

    public void Dispose() => _http.Dispose();

    private static string Escape(string studyId) => Uri.EscapeDataString(studyId);

    private Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), ct);

    private Task<T> PostAsync<T>(string path, HttpContent? content, CancellationToken ct) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, ct);

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                var why = e.InnerException is SocketException socket ? socket.Message : e.Message;
                throw new RemoteFailure(ExitCodes.Failure, [$"cannot reach the SweepGrid server at {_server}: {why}"]);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new RemoteFailure(ExitCodes.Failure, [$"the SweepGrid server at {_server} did not answer within {_http.Timeout.TotalSeconds:0} s"]);
            }
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await FailureAsync(response, ct).ConfigureAwait(false);
                }
                try
                {
                    return (await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false))!;
                }
                catch (JsonException e)
                {
                    throw new RemoteFailure(ExitCodes.Failure, [$"{_server} answered {request.RequestUri} with something that is not the SweepGrid API: {e.Message}"]);
                }
            }
        }
    }

    private async Task<RemoteFailure> FailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        string? detail = null;
        var specErrors = 0;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var d))
            {
                detail = d.GetString();
                specErrors = document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array ? errors.GetArrayLength() : 0;
            }
        }
        catch (JsonException)
        {
            // Not a problem document (e.g. a proxy's HTML page): fall back to the status line below.
        }
        var status = (int)response.StatusCode;
        var lines = detail is null
            ? [$"{_server} answered {status} {response.ReasonPhrase}"]
            : detail.Split('\n').ToList();
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            lines.Add("give the server's API token with --token or $SWEEPGRID_TOKEN");
        }
        var exit = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized
            or HttpStatusCode.Forbidden or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType
            ? ExitCodes.InvalidInput
            : ExitCodes.Failure;
        if (specErrors > 0)
        {
            lines.Add($"{specErrors} error(s)");
        }
        return new RemoteFailure(exit, lines, verbatim: specErrors > 0);
    }
}
