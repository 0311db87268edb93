using SweepGrid.Store.Postgres;
using SweepGrid.Store.Sql;
using SweepGrid.Store.Sqlite;

namespace SweepGrid.Store;

/// <summary>Opens the <see cref="ITrialStore"/> implementations. Opening touches no database; call <see cref="ITrialStore.MigrateAsync"/> next.</summary>
public static class TrialStores
{
    /// <summary>The busy timeout SQLite writers wait for the write lock before the call fails as unavailable.</summary>
    public static readonly TimeSpan DefaultSqliteBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The embedded store: one SQLite file (created when missing; its directory must exist), shared safely
    /// by the threads of this process and by other processes on the same machine.
    /// </summary>
    public static ITrialStore OpenSqlite(string databasePath, TimeSpan? busyTimeout = null) =>
        new SqlTrialStore(new SqliteDialect(databasePath, busyTimeout ?? DefaultSqliteBusyTimeout));

    /// <summary>
    /// The cluster store: a PostgreSQL database given by an Npgsql connection string
    /// (e.g. <c>Host=db;Port=5432;Database=sweepgrid;Username=sweepgrid;Password=…</c>).
    /// </summary>
    public static ITrialStore OpenPostgres(string connectionString) =>
        new SqlTrialStore(new PostgresDialect(connectionString));
}
