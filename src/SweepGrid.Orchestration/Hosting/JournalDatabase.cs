using System.Data.Common;
using LinqToDB;
using LinqToDB.Interceptors;

namespace SweepGrid.Orchestration.Hosting;

/// <summary>
/// Where the coordinator's journal and snapshots go: the same database as the results (Akka.Persistence.Sql
/// through linq2db). SQLite embedded (WAL, set by the store's migration), PostgreSQL in the cluster.
/// </summary>
/// <param name="ConnectionString">An ADO.NET connection string for <paramref name="ProviderName"/>.</param>
/// <param name="ProviderName">A linq2db provider name.</param>
public sealed record JournalDatabase(string ConnectionString, string ProviderName)
{
    /// <summary>
    /// A SQLite file; writers wait up to 30 s for the write lock, like the store's own connections, and commit with
    /// <c>synchronous=NORMAL</c> like them (ADR 0012): in WAL mode a commit survives a crash of the process, and
    /// the journal and the read model, in the same file and the same WAL, can only lose a common suffix of commits
    /// on power loss.
    /// </summary>
    public static JournalDatabase Sqlite(string path) => new($"Data Source={path};Default Timeout=30", LinqToDB.ProviderName.SQLiteMS);

    /// <summary>A PostgreSQL database given by an Npgsql connection string.</summary>
    public static JournalDatabase Postgres(string connectionString) => new(connectionString, LinqToDB.ProviderName.PostgreSQL15);

    /// <summary>The linq2db options the journal and snapshot store connect with.</summary>
    public DataOptions DataOptions
    {
        get
        {
            var options = new DataOptions().UseConnectionString(ProviderName, ConnectionString);
            return ProviderName == LinqToDB.ProviderName.SQLiteMS ? options.UseInterceptor(new SqlitePragmas()) : options;
        }
    }

    /// <summary>Sets each new journal connection's per-connection pragmas, the same as the store's.</summary>
    private sealed class SqlitePragmas : ConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

        public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
