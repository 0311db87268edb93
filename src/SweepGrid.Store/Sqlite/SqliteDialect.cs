using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SweepGrid.Store.Sql;

namespace SweepGrid.Store.Sqlite;

/// <summary>
/// SQLite behind <see cref="SqlTrialStore"/>: WAL journal, <c>synchronous=NORMAL</c> (a committed result
/// survives a crash of the process; power loss can roll back the last commits, never corrupt: ADR 0012), foreign keys on, and every write in <c>BEGIN IMMEDIATE</c>, which takes the
/// database's single write lock up front. That lock is a file lock, so writers are serialized across
/// threads and processes alike; waiting for it is bounded by the busy timeout.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    // SQLite error codes (primary) that mean "cannot reach or write the database right now".
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Full = 13, CantOpen = 14;

    private readonly string connectionString;
    private readonly string fullPath;
    private readonly int busyTimeoutMilliseconds;

    static SqliteDialect() => SQLitePCL.Batteries_V2.Init();

    public SqliteDialect(string databasePath, TimeSpan busyTimeout, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        fullPath = Path.GetFullPath(databasePath);
        busyTimeoutMilliseconds = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        IsReadOnly = readOnly;
        connectionString = new SqliteConnectionStringBuilder
        {
            // Read-only: see SqliteReadOnly for how a WAL database is read where nothing can be created.
            DataSource = readOnly ? SqliteReadOnly.DataSource(fullPath) : fullPath,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries busy statements for this long, on top of SQLite's own busy handler.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        DatabaseName = readOnly ? $"SQLite database '{fullPath}' (read-only)" : $"SQLite database '{fullPath}'";
    }

    public override bool IsReadOnly { get; }

    public override string DatabaseName { get; }

    public override string ForUpdate => "";

    public override string ForUpdateSkipLocked => "";

    public override string ForShareOf(string alias) => "";

    public override string? LockEventsSql => null;

    public override string? LockStudiesSql => null;

    public override IReadOnlyList<IReadOnlyList<string>> Migrations => SqliteSchema.Migrations;

    public override Task<bool> TryLockCoordinatorAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.FromResult(true);

    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // A pooled connection keeps working on a file that was deleted under it, silently writing to a
        // file nobody will see again; only migration may create the file.
        if (!File.Exists(fullPath))
            throw new StoreUnavailableException(
                $"{DatabaseName} does not exist (was it or its directory deleted, or was the store never migrated?)",
                new FileNotFoundException("the SQLite database file is missing", fullPath));
        return OpenOrCreateAsync(cancellationToken);
    }

    private async Task<DbConnection> OpenOrCreateAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred: false is BEGIN IMMEDIATE: the write lock is taken now, not at the first write, so two
        // transactions can never both read "queued" and then both lease the same trial.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return Task.FromResult(transaction);
    }

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (IsReadOnly)
            return;
        var connection = await OpenOrCreateAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL is a property of the file (it persists), so setting it once at migration is enough.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task LockMigrationsAsync(DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override object Time(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public override bool IsUnavailable(Exception error) => error switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is Busy or Locked or ReadOnly or IoError or Full or CantOpen,
        IOException => true,
        _ => false,
    };

    public override string? ExplainUnavailable(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == Full => "disk full, no space left to write the database",
        // SQLite reports ENOSPC while it creates or grows the WAL's shared memory as a plain I/O error.
        SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == IoError && DiskIsFull() => "disk full, no space left to write the database",
        SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == IoError => "disk I/O error (is the disk failing?)",
        SqliteException { SqliteErrorCode: var code } when (code & 0xFF) == ReadOnly => "the database is read-only",
        IOException io when io.HResult == ENOSPC || io.Message.Contains("No space left", StringComparison.Ordinal) => "disk full, no space left to write the database",
        _ => null,
    };

    private bool DiskIsFull()
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(fullPath)!).AvailableFreeSpace < 64 * 1024;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // errno ENOSPC as .NET reports it in IOException.HResult on Linux.
    private const int ENOSPC = 28;

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
