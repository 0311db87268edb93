namespace SweepGrid.Orchestration.Cluster;

/// <summary>The database of results and journal (section <c>Database</c>; <c>SWEEPGRID_DATABASE__URL</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>A SQLite path, or a PostgreSQL <c>postgres://</c> URL or connection string (the cluster needs PostgreSQL).</summary>
    public string? Url { get; set; }
}
