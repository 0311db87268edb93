using System.Net;
using System.Net.Sockets;
using Npgsql;
using SweepGrid.Store.Tests.Conformance;

namespace SweepGrid.Store.Tests;

/// <summary>The conformance suite on a real PostgreSQL server, in a fresh schema per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTrialStoreTests(PostgresServer server) : TrialStoreConformance
{
    private string? connectionString;
    private string? schema;

    protected override async Task<ITrialStore> CreateStoreAsync()
    {
        (connectionString, schema) = await server.CreateSchemaAsync();
        return TrialStores.OpenPostgres(connectionString);
    }

    protected override ITrialStore OpenSameDatabase() => TrialStores.OpenPostgres(connectionString!);

    protected override ITrialStore OpenUnreachable(out string expectedName)
    {
        // A port that was just free and is closed again: the connection is refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        expectedName = $"'sweepgrid_unreachable' at 127.0.0.1:{port}";
        return TrialStores.OpenPostgres($"Host=127.0.0.1;Port={port};Database=sweepgrid_unreachable;Username=sweepgrid;Timeout=5");
    }

    protected override Task ExecuteSqlAsync(string sql) => server.ExecuteAsync(sql, connectionString);

    protected override async Task DropDatabaseAsync()
    {
        if (schema is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await server.ExecuteAsync($"DROP SCHEMA {schema} CASCADE");
        }
    }
}
