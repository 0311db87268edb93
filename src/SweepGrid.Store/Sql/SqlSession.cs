using System.Data.Common;

namespace SweepGrid.Store.Sql;

/// <summary>
/// One connection (and, for writes, one transaction) for the duration of a store operation, with small
/// helpers for parameterized commands. Not thread-safe: one operation uses it at a time.
/// </summary>
internal sealed class SqlSession(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, CancellationToken cancellationToken)
{
    private readonly List<(DateTimeOffset At, string? StudyId, string? TrialId, string Kind, string Detail)> events = [];

    public SqlDialect Dialect => dialect;

    public DbTransaction? Transaction => transaction;

    public CancellationToken CancellationToken => cancellationToken;

    public object Time(DateTimeOffset value) => dialect.Time(value);

    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(map(reader));
        return rows;
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
        where T : class
    {
        var rows = await QueryAsync(sql, map, parameters).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Adds a timeline event to this transaction. Events are written by <see cref="FlushEventsAsync"/> just before
    /// the commit: taking the dialect's event lock last (after every row lock) keeps it deadlock-free, and on
    /// PostgreSQL makes ids commit in id order, so a reader polling "after id N" never skips one.
    /// </summary>
    public void AppendEvent(DateTimeOffset at, string? studyId, string? trialId, string kind, string detail) =>
        events.Add((at, studyId, trialId, kind, detail));

    public async Task FlushEventsAsync()
    {
        if (events.Count == 0)
            return;
        if (dialect.LockEventsSql is { } lockSql)
            await ExecuteAsync(lockSql).ConfigureAwait(false);
        foreach (var (at, studyId, trialId, kind, detail) in events)
            await ExecuteAsync(
                "INSERT INTO events (at, study_id, trial_id, kind, detail) VALUES (@at, @study, @trial, @kind, @detail)",
                ("at", Time(at)), ("study", studyId), ("trial", trialId), ("kind", kind), ("detail", detail)).ConfigureAwait(false);
        events.Clear();
    }

    private DbCommand Create(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
