namespace SweepGrid.Orchestration.Hosting;

/// <summary>
/// Where the coordinator's journal and snapshots go: the same database as the results (Akka.Persistence.Sql
/// through linq2db). SQLite embedded (WAL, set by the store's migration), PostgreSQL in the cluster.
/// </summary>
/// <param name="ConnectionString">An ADO.NET connection string for <paramref name="ProviderName"/>.</param>
/// <param name="ProviderName">A linq2db provider name.</param>
public sealed record JournalDatabase(string ConnectionString, string ProviderName)
{
    /// <summary>A SQLite file; writers wait up to 30 s for the write lock, like the store's own connections.</summary>
    public static JournalDatabase Sqlite(string path) => new($"Data Source={path};Default Timeout=30", LinqToDB.ProviderName.SQLiteMS);

    /// <summary>A PostgreSQL database given by an Npgsql connection string.</summary>
    public static JournalDatabase Postgres(string connectionString) => new(connectionString, LinqToDB.ProviderName.PostgreSQL15);
}
