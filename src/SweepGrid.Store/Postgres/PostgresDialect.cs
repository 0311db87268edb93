using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using SweepGrid.Store.Sql;

namespace SweepGrid.Store.Postgres;

/// <summary>
/// PostgreSQL behind <see cref="SqlTrialStore"/>: READ COMMITTED transactions with explicit row locks
/// (<c>FOR UPDATE</c>, <c>FOR UPDATE SKIP LOCKED</c> for leasing), transaction-scoped advisory locks for
/// the few things rows cannot order (event ids, study membership, migrations, the coordinator lock).
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    // Advisory lock keys: (class, object). The class is arbitrary but fixed, to stay clear of other users.
    private const int LockClass = 0x5357; // "SW"
    private const int EventsKey = 1, StudiesKey = 2, MigrationsKey = 3, CoordinatorKey = 4;

    private readonly NpgsqlDataSource dataSource;

    public PostgresDialect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        DatabaseName = $"PostgreSQL database '{builder.Database ?? builder.Username ?? "(default)"}' at {builder.Host}:{builder.Port}";
        dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string DatabaseName { get; }

    public override string ForUpdate => " FOR UPDATE";

    public override string ForUpdateSkipLocked => " FOR UPDATE SKIP LOCKED";

    public override string ForShareOf(string alias) => $" FOR SHARE OF {alias}";

    public override string? LockEventsSql => $"SELECT pg_advisory_xact_lock({LockClass}, {EventsKey})";

    public override string? LockStudiesSql => $"SELECT pg_advisory_xact_lock({LockClass}, {StudiesKey})";

    public override IReadOnlyList<IReadOnlyList<string>> Migrations => PostgresSchema.Migrations;

    public override async Task<bool> TryLockCoordinatorAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT pg_try_advisory_xact_lock({LockClass}, {CoordinatorKey})", (NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task LockMigrationsAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        // CREATE TABLE IF NOT EXISTS races between sessions on PostgreSQL; migrators take turns instead.
        await using var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({LockClass}, {MigrationsKey})", (NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override object Time(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override bool IsUnavailable(Exception error) => error switch
    {
        // SQLSTATE classes: 08 connection, 53 insufficient resources, 57 operator intervention (shutdown),
        // 28 authorization, 3D000 no such database.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("28", StringComparison.Ordinal)
            || postgres.SqlState == "3D000",
        // Any other NpgsqlException is a transport failure (refused, reset, timed out).
        NpgsqlException => true,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
