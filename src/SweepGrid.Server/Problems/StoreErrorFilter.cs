using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SweepGrid.Store;

namespace SweepGrid.Server.Problems;

/// <summary>
/// Turns store failures into problem details: an unavailable database (unreachable, disk full, locked) is
/// 503 so that clients retry later, any other store error 500; both name the database, never a stack trace.
/// </summary>
internal sealed class StoreErrorFilter(ILogger<StoreErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            ApiLog.StoreFailed(logger, e, context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return e is StoreUnavailableException
                ? ApiProblems.StoreUnavailable(e.Message)
                : ApiProblems.ServerError("Store error", e.Message);
        }
    }
}
