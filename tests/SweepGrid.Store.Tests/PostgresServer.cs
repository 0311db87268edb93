using System.Diagnostics;
using System.Reflection;
using Npgsql;

namespace SweepGrid.Store.Tests;

/// <summary>
/// A PostgreSQL server for the test run: the one named by <c>SWEEPGRID_TEST_POSTGRES</c> (an Npgsql
/// connection string) when set, otherwise a throwaway cluster started with <c>scripts/postgres-for-tests.sh</c>
/// and stopped at the end. When no server can be had, <see cref="StartError"/> says why and every
/// PostgreSQL test fails with that message; they never skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "SWEEPGRID_TEST_POSTGRES";

    private string? clusterDirectory;
    private string? script;

    public string? ConnectionString { get; private set; }

    public string? StartError { get; private set; }

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }
        script = FindScript();
        if (script is null)
        {
            StartError = $"PostgreSQL tests need a server: set {EnvironmentVariable} to a connection string, or run from the repository so scripts/postgres-for-tests.sh can be found (searched upwards from the test binaries, the working directory and the repository root recorded at build time).";
            return;
        }
        var (exitCode, output, error) = await RunAsync(script, "start");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (exitCode != 0 || lines.Length == 0)
        {
            StartError = $"could not start a PostgreSQL server with {script} start (exit code {exitCode}): {error.Trim()}";
            return;
        }
        clusterDirectory = lines[0].Trim();
        ConnectionString = (await File.ReadAllTextAsync(Path.Combine(clusterDirectory, "connection-string"))).Trim();
    }

    public async Task DisposeAsync()
    {
        if (script is not null && clusterDirectory is not null)
            await RunAsync(script, "stop", clusterDirectory);
    }

    /// <summary>Stops the server abruptly and starts it again (only for a server this fixture started).</summary>
    public async Task RestartAsync()
    {
        if (script is null || clusterDirectory is null)
            throw new InvalidOperationException($"only a server started by {nameof(PostgresServer)} can be restarted (not one from {EnvironmentVariable})");
        var (exitCode, _, error) = await RunAsync(script, "restart", clusterDirectory);
        if (exitCode != 0)
            throw new InvalidOperationException($"{script} restart failed (exit code {exitCode}): {error.Trim()}");
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema.</summary>
    public async Task<(string ConnectionString, string Schema)> CreateSchemaAsync()
    {
        if (ConnectionString is null)
            throw new InvalidOperationException($"PostgreSQL is not available for this test: {StartError}");
        var schema = $"test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE SCHEMA {schema}");
        return (new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ToString(), schema);
    }

    public async Task ExecuteAsync(string sql, string? connectionString = null)
    {
        await using var connection = new NpgsqlConnection(connectionString ?? ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindScript()
    {
        var repositoryRoot = typeof(PostgresServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        var starts = new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, repositoryRoot };
        foreach (var start in starts.OfType<string>())
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "scripts", "postgres-for-tests.sh");
                if (File.Exists(candidate))
                    return candidate;
            }
        return null;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // apt-get install may run
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
