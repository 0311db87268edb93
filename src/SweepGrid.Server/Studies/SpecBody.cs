using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace SweepGrid.Server.Studies;

/// <summary>
/// Reads a submission's body within <see cref="ApiOptions.MaxBodyBytes"/>: a declared Content-Length over the
/// limit is refused before reading, and a chunked body stops being read one byte past it, so memory stays bounded.
/// </summary>
internal static class SpecBody
{
    public sealed record Content(byte[] Spec, string? Profile);

    /// <summary>The body as spec bytes, or the problem to answer with.</summary>
    public static async Task<(Content? Content, IResult? Problem)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, Problems.ApiProblems.TooLarge(limit));
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var isJson = mediaType is "application/json";
        if (!isJson && mediaType is not ("application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" or "text/plain"))
        {
            return (null, Problems.ApiProblems.UnsupportedMediaType(request.ContentType));
        }
        var bytes = await ReadBoundedAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return (null, Problems.ApiProblems.TooLarge(limit));
        }
        var profile = request.Query["profile"].FirstOrDefault();
        if (!isJson)
        {
            return (new Content(bytes, profile), null);
        }
        try
        {
            var json = JsonSerializer.Deserialize<SubmitRequest>(bytes, JsonSerializerOptions.Web);
            if (json?.Spec is null)
            {
                return (null, Problems.ApiProblems.BadRequest("the JSON body needs a \"spec\" string holding the YAML spec (and optionally \"profile\")"));
            }
            return (new Content(System.Text.Encoding.UTF8.GetBytes(json.Spec), json.Profile ?? profile), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.ApiProblems.BadRequest($"the body is not valid JSON {{\"spec\": \"...\", \"profile\": \"...\"}}: {e.Message}"));
        }
    }

    /// <summary>At most <paramref name="limit"/> bytes, or null when the stream has more.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }
}
