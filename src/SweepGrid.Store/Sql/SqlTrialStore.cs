using System.Data.Common;
using System.Globalization;

namespace SweepGrid.Store.Sql;

/// <summary>
/// The <see cref="ITrialStore"/> implementation shared by SQLite and PostgreSQL: the SQL is common, the
/// <see cref="SqlDialect"/> supplies connections, locking and types. Split by concern over partial files.
/// </summary>
internal sealed partial class SqlTrialStore(SqlDialect dialect) : ITrialStore
{
    public string DatabaseName => dialect.DatabaseName;

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) =>
        dialect.IsReadOnly ? CheckReadOnlySchemaAsync(cancellationToken) : WriteAsync("migrate the schema", async session =>
        {
            await session.Dialect.LockMigrationsAsync(session.Transaction!, cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)").ConfigureAwait(false);
            var current = Convert.ToInt32(
                await session.ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM schema_version").ConfigureAwait(false),
                CultureInfo.InvariantCulture);
            if (current > StoreSchema.CurrentVersion)
                throw new StoreSchemaException(
                    $"{DatabaseName} has schema version {current}, but this build of SweepGrid knows versions up to " +
                    $"{StoreSchema.CurrentVersion}; it was written by a newer SweepGrid. Upgrade SweepGrid (nothing was changed).");
            for (var version = current + 1; version <= StoreSchema.CurrentVersion; version++)
            {
                foreach (var statement in dialect.Migrations[version - 1])
                    await session.ExecuteAsync(statement).ConfigureAwait(false);
                await session.ExecuteAsync(
                    "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)",
                    ("version", version), ("at", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture))).ConfigureAwait(false);
            }
            return StoreSchema.CurrentVersion;
        }, cancellationToken, prepare: true);

    /// <summary>Runs <paramref name="body"/> in one write transaction, committed when it returns.</summary>
    private async Task<T> WriteAsync<T>(string operation, Func<SqlSession, Task<T>> body, CancellationToken cancellationToken, bool prepare = false)
    {
        try
        {
            if (prepare)
                await dialect.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            var failed = false;
            try
            {
                var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                try
                {
                    var session = new SqlSession(connection, transaction, dialect, cancellationToken);
                    var result = await body(session).ConfigureAwait(false);
                    await session.FlushEventsAsync().ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    return result;
                }
                catch
                {
                    failed = true;
                    await DisposeQuietlyAsync(transaction).ConfigureAwait(false);
                    throw;
                }
            }
            finally
            {
                if (failed)
                    await DisposeQuietlyAsync(connection).ConfigureAwait(false);
                else
                    await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception error) when (Translate(operation, error) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// Rolls back (by disposing) after a failure without hiding it. Some errors end the transaction inside the
    /// engine already (SQLite rolls back on SQLITE_FULL); rolling back again then fails with "no transaction is
    /// active", which must not replace the error that says why (e.g. disk full).
    /// </summary>
    private static async Task DisposeQuietlyAsync(IAsyncDisposable transactionOrConnection)
    {
        try
        {
            await transactionOrConnection.DisposeAsync().ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            // Already rolled back by the engine; the original error propagates.
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a connection without an explicit transaction. A read that fails because the
    /// database is unavailable is tried again a few times: after a server restart the pool's first connections
    /// are dead, and a read has no effect to repeat. (Writes are not retried here: their callers decide.)
    /// </summary>
    private async Task<T> ReadAsync<T>(string operation, Func<SqlSession, Task<T>> body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                    return await body(new SqlSession(connection, null, dialect, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception error) when (attempt < ReadAttempts && dialect.IsUnavailable(error))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (Translate(operation, error) is { } translated)
            {
                throw translated;
            }
        }
    }

    private const int ReadAttempts = 3;

    /// <summary>Turns driver errors into the store's own exceptions; leaves ours, cancellations and argument errors alone.</summary>
    private StoreException? Translate(string operation, Exception error)
    {
        if (error is StoreException or OperationCanceledException or ArgumentException)
            return null;
        if (dialect.IsUnavailable(error))
            return new StoreUnavailableException(dialect.ExplainUnavailable(error) is { } why
                ? $"{DatabaseName}: {why} ({operation}): {error.Message}"
                : $"{DatabaseName} is unavailable ({operation}): {error.Message}", error);
        if (error is DbException or InvalidOperationException or IOException or TimeoutException)
            return new StoreException($"{DatabaseName}: could not {operation}: {error.Message}", error);
        return null;
    }

    /// <summary>Timestamps are kept to the millisecond on every engine, so values read back equal values written.</summary>
    private static DateTimeOffset Truncate(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
