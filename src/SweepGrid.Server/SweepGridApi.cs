using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SweepGrid.Server.Nodes;
using SweepGrid.Server.Planning;
using SweepGrid.Server.Problems;
using SweepGrid.Server.Security;
using SweepGrid.Server.Studies;

namespace SweepGrid.Server;

/// <summary>
/// Wires the HTTP API into a host. The host registers <see cref="Store.ITrialStore"/> (reads) and
/// <see cref="Orchestration.Control.IStudyControl"/> (submit, cancel, retry); it may replace
/// <see cref="ISubmissionPlanner"/>. Routes are under <c>/api/v1</c>; the OpenAPI document is <c>/openapi/v1.json</c>.
/// </summary>
public static class SweepGridApi
{
    /// <summary>Binds and validates <see cref="ApiOptions"/> from section <c>Api</c> (at start), and registers the API's services.</summary>
    public static IServiceCollection AddSweepGridApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.TryAddSingleton<ApiToken>();
        services.TryAddSingleton<ISubmissionPlanner>(_ => new DatasetSubmissionPlanner());
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            // Diverged trials store NaN/∞; JSON has no such numbers, so they travel as "NaN", "Infinity".
            json.SerializerOptions.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.AddOpenApi();
        return services;
    }

    /// <summary>Maps every <c>/api/v1</c> route (bearer token required unless disabled) and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapSweepGridApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        var api = endpoints.MapGroup("/api/v1")
            .AddEndpointFilter<BearerTokenFilter>()
            .AddEndpointFilter<StoreErrorFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        var studies = api.MapGroup("/studies").WithTags("studies");
        studies.MapGet("/", StudyReads.List).WithName("ListStudies").WithSummary("Every study, oldest first.");
        // No Accepts<> metadata: with it routing answers other media types with a bare 415, without the
        // problem details that say what is accepted.
        studies.MapPost("/", StudyChanges.Submit).WithName("SubmitStudy")
            .WithSummary("Submit (or resume) a study: the body is the YAML spec (application/yaml or text/plain, ?profile=) or JSON {spec, profile}.")
            .Produces<SubmitResponse>(StatusCodes.Status201Created)
            .Produces<SubmitResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        studies.MapGet("/{studyId}", StudyReads.Status).WithName("GetStudyStatus")
            .WithSummary("Trial counts by state and the failed trials with their reasons.")
            .Produces<StudyStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        studies.MapPost("/{studyId}/cancel", StudyChanges.Cancel).WithName("CancelStudy")
            .Produces<StudySummary>().ProducesProblem(StatusCodes.Status404NotFound);
        studies.MapPost("/{studyId}/retry", StudyChanges.Retry).WithName("RetryStudy")
            .WithSummary("Requeue the study's failed trials with fresh attempts.")
            .Produces<RetryResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status501NotImplemented);
        studies.MapGet("/{studyId}/results", StudyReads.Results).WithName("GetStudyResults")
            .WithSummary("The long-format result rows (trial, axes, condition, metric, value).")
            .Produces<List<ResultRowDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        studies.MapGet("/{studyId}/spec", StudyReads.Spec).WithName("GetStudySpec")
            .WithSummary("The YAML spec the study was submitted with (its findings and accuracy floor are part of it).")
            .Produces<StudySpec>().ProducesProblem(StatusCodes.Status404NotFound);
        studies.MapGet("/{studyId}/report", StudyReads.Report).WithName("GetStudyReport")
            .WithSummary("The report as Markdown (summary.md), CSV (accuracy.csv) or JSON (results.json); ?format=md|csv|json.")
            .Produces<string>(contentType: "text/markdown").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/nodes", NodeReads.List).WithName("ListNodes").WithTags("nodes").WithSummary("Every node as it last reported.");
        return endpoints;
    }
}
