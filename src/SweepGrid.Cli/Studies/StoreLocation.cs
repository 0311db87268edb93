namespace SweepGrid.Cli.Studies;

/// <summary>
/// Where studies are stored: a SQLite file (the embedded default, ./sweepgrid.db or $SWEEPGRID_DB) or a
/// PostgreSQL database given as a connection string ("Host=…;Database=…") or a postgres:// URL.
/// </summary>
public static class StoreLocation
{
    public const string DefaultSqlite = "sweepgrid.db";

    public static Store.ITrialStore Open(string? location)
    {
        var value = string.IsNullOrWhiteSpace(location) ? Environment.GetEnvironmentVariable("SWEEPGRID_DB") ?? DefaultSqlite : location.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Store.TrialStores.OpenPostgres(Store.TrialStores.PostgresConnectionStringFromUrl(value));
        }
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return Store.TrialStores.OpenPostgres(value);
        }
        return Store.TrialStores.OpenSqlite(Path.GetFullPath(value));
    }
}
