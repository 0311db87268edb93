namespace SweepGrid.Server;

/// <summary>
/// The HTTP API's settings, bound from the configuration section <c>Api</c> (appsettings, environment such
/// as <c>SWEEPGRID_API__TOKEN</c>, command line); the Helm chart sets the same names.
/// </summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api";

    /// <summary>Kestrel URLs the member listens on (semicolon-separated), used by <c>sweepgrid serve</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The bearer token every <c>/api/v1</c> request must carry (prefer <see cref="TokenFile"/> in clusters).</summary>
    public string? Token { get; set; }

    /// <summary>A file holding the token (e.g. a mounted Kubernetes Secret); surrounding white space is ignored.</summary>
    public string? TokenFile { get; set; }

    /// <summary>When true (the default) start is refused without a token; false serves without authentication.</summary>
    public bool RequireToken { get; set; } = true;

    /// <summary>The largest request body accepted, in bytes (default 1 MiB: a spec is a page of YAML).</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;
}
