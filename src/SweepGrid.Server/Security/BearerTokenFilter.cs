using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SweepGrid.Server.Problems;

namespace SweepGrid.Server.Security;

/// <summary>Refuses <c>/api/v1</c> requests without the configured bearer token (401 with <c>WWW-Authenticate: Bearer</c>).</summary>
internal sealed class BearerTokenFilter(ApiToken token, ILogger<BearerTokenFilter> logger) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!token.Required)
        {
            return await next(context).ConfigureAwait(false);
        }
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
        if (token.Matches(presented))
        {
            return await next(context).ConfigureAwait(false);
        }
        ApiLog.Unauthorized(logger, http.Request.Method, http.Request.Path, presented is null ? "no bearer token" : "a wrong token");
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Unauthorized(presented is null
            ? "this API needs 'Authorization: Bearer <token>' (the token configured as Api:Token or Api:TokenFile)"
            : "the bearer token is not the one this server is configured with");
    }
}
