using System.Data.Common;

namespace SweepGrid.Store.Sql;

/// <summary>
/// What differs between the SQL engines behind <see cref="SqlTrialStore"/>: connections and write
/// transactions, row locking, time representation, the migrations and how driver errors are classified.
/// The SQL text of every operation is otherwise shared.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>"SQLite database '/path'" or "PostgreSQL database 'db' at host:port"; never contains secrets.</summary>
    public abstract string DatabaseName { get; }

    /// <summary>Suffix that locks the selected rows for update ("" where the write transaction already serializes).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Suffix that locks the selected rows and skips rows locked by others.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>Suffix that share-locks the rows of table alias <paramref name="alias"/>.</summary>
    public abstract string ForShareOf(string alias);

    /// <summary>
    /// A statement run before appending events so that event ids commit in id order (null when writers are
    /// serialized anyway), and one run before changing study membership or study state.
    /// </summary>
    public abstract string? LockEventsSql { get; }

    /// <inheritdoc cref="LockEventsSql"/>
    public abstract string? LockStudiesSql { get; }

    /// <summary>Returns true when the coordinator-lock transaction may proceed (PostgreSQL: a try-advisory lock).</summary>
    public abstract Task<bool> TryLockCoordinatorAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Opens a connection ready for use (pragmas applied).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that writes (SQLite: <c>BEGIN IMMEDIATE</c>).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Prepares the database before migrations run (e.g. switching SQLite to WAL).</summary>
    public abstract Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Serializes concurrent migrators inside the migration transaction.</summary>
    public abstract Task LockMigrationsAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The migrations, index 0 = version 1; each entry is a list of statements.</summary>
    public abstract IReadOnlyList<IReadOnlyList<string>> Migrations { get; }

    /// <summary>The value to bind for a timestamp.</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>Reads a timestamp column.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>True when the error means the database cannot be reached or written right now.</summary>
    public abstract bool IsUnavailable(Exception error);

    /// <summary>A plain-words cause for an unavailable database (e.g. "disk full"), or null when the driver's message says it best.</summary>
    public virtual string? ExplainUnavailable(Exception error) => null;

    /// <summary>True when the database was opened read-only: reads work, writes fail as unavailable, migration only checks the version.</summary>
    public virtual bool IsReadOnly => false;

    public abstract ValueTask DisposeAsync();
}
