using SweepGrid.Orchestration.Hosting;

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
        var (postgres, value) = Resolve(location);
        return postgres ? Store.TrialStores.OpenPostgres(value) : Store.TrialStores.OpenSqlite(value);
    }

    /// <summary>Where the coordinator's journal goes: the same database as the store.</summary>
    public static JournalDatabase Journal(string? location)
    {
        var (postgres, value) = Resolve(location);
        return postgres ? JournalDatabase.Postgres(value) : JournalDatabase.Sqlite(value);
    }

    /// <summary>True and an Npgsql connection string for PostgreSQL; false and a full path for SQLite.</summary>
    private static (bool Postgres, string Value) Resolve(string? location)
    {
        var value = string.IsNullOrWhiteSpace(location) ? Environment.GetEnvironmentVariable("SWEEPGRID_DB") ?? DefaultSqlite : location.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return (true, Store.TrialStores.PostgresConnectionStringFromUrl(value));
        }
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return (true, value);
        }
        return (false, Path.GetFullPath(value));
    }
}
