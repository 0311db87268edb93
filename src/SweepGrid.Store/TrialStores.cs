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
    /// by the threads of this process and by other processes on the same machine. An existing file that
    /// cannot be written (no permission, a read-only directory or file system) is opened read-only: reads
    /// work, <see cref="ITrialStore.MigrateAsync"/> only checks that the schema is current, and writes fail
    /// with <see cref="StoreUnavailableException"/> saying the database is read-only.
    /// </summary>
    public static ITrialStore OpenSqlite(string databasePath, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var readOnly = SqliteReadOnly.Detect(Path.GetFullPath(databasePath));
        return new SqlTrialStore(new SqliteDialect(databasePath, busyTimeout ?? DefaultSqliteBusyTimeout, readOnly));
    }

    /// <summary>
    /// The cluster store: a PostgreSQL database given by an Npgsql connection string
    /// (e.g. <c>Host=db;Port=5432;Database=sweepgrid;Username=sweepgrid;Password=…</c>).
    /// </summary>
    public static ITrialStore OpenPostgres(string connectionString) =>
        new SqlTrialStore(new PostgresDialect(connectionString));

    /// <summary>
    /// The Npgsql connection string of a <c>postgres://user:password@host[:port]/database</c> URL (also
    /// <c>postgresql://</c>; user, password and database are URL-decoded).
    /// </summary>
    /// <exception cref="ArgumentException">The URL is malformed; the message says what is wrong and shows the
    /// expected form, without the password.</exception>
    public static string PostgresConnectionStringFromUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        const string Form = "expected postgres://user:password@host[:port]/database";
        var shown = PostgresUrl.WithoutPassword(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            throw new ArgumentException($"'{shown}' is not a valid PostgreSQL URL ({PostgresUrl.WhyInvalid(url)}); {Form}", nameof(url));
        }
        if (parsed.Scheme is not ("postgres" or "postgresql") || string.IsNullOrEmpty(parsed.Host))
        {
            throw new ArgumentException($"'{shown}' is not a valid PostgreSQL URL (no host); {Form}", nameof(url));
        }
        var database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{shown}' names no single database after the host; {Form}", nameof(url));
        }
        var colon = parsed.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? parsed.UserInfo : parsed.UserInfo[..colon]);
        var password = colon < 0 ? "" : Uri.UnescapeDataString(parsed.UserInfo[(colon + 1)..]);
        return new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port,
            Database = database,
            Username = user,
            Password = password,
        }.ConnectionString;
    }
}
