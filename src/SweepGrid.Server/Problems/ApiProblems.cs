using Microsoft.AspNetCore.Http;
using SweepGrid.Sweeps;

namespace SweepGrid.Server.Problems;

/// <summary>
/// Every error the API returns, as RFC 7807 problem details (<c>application/problem+json</c>) with a
/// sentence that says what was wrong and what is allowed.
/// </summary>
internal static class ApiProblems
{
    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult NotFound(string studyId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown study", $"no study '{studyId}' (GET /api/v1/studies lists them)");

    public static IResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"the request body is larger than {limit:N0} bytes (Api:MaxBodyBytes); a spec is a page of YAML");

    public static IResult UnsupportedMediaType(string? contentType) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            $"send the spec as application/yaml or text/plain (profile in ?profile=), or as application/json {{\"spec\": \"...\", \"profile\": \"...\"}}; got '{contentType ?? "none"}'");

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    /// <summary>
    /// A refused spec: <c>detail</c> is the validator's own lines (<c>file:line:column: path: message</c>), and
    /// <c>errors</c> carries each one's parts so that clients can point at them.
    /// </summary>
    public static IResult InvalidSpec(SpecException error) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid spec",
            detail: string.Join('\n', error.Errors.Select(e => e.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = error.Errors.Select(e => new SpecErrorDto(e.File, e.Line, e.Column, e.Path, e.Message)).ToList(),
            });

    public static IResult NotSupported(string detail) => Problem(StatusCodes.Status501NotImplemented, "Not supported", detail);

    public static IResult StoreUnavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Store unavailable", detail);

    public static IResult ServerError(string title, string detail) => Problem(StatusCodes.Status500InternalServerError, title, detail);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

/// <summary>One spec error as the API returns it.</summary>
internal sealed record SpecErrorDto(string File, int Line, int Column, string Path, string Message);
