namespace SweepGrid.Cli;

/// <summary>
/// Settings bound from configuration: appsettings.json beside the executable, then environment
/// variables with the SWEEPGRID_ prefix (e.g. SWEEPGRID_DATA), then command-line options.
/// </summary>
public sealed class SweepGridOptions
{
    /// <summary>Folder with the dataset files (MNIST IDX); SWEEPGRID_DATA. No default: tests and demos say where.</summary>
    public string? Data { get; set; }
}
