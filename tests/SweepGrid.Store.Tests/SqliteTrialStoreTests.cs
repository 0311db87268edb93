using Microsoft.Data.Sqlite;
using SweepGrid.Store.Tests.Conformance;

namespace SweepGrid.Store.Tests;

/// <summary>The conformance suite on a real SQLite file in a temporary directory (one per test).</summary>
public sealed class SqliteTrialStoreTests : TrialStoreConformance
{
    private readonly string directory = Directory.CreateTempSubdirectory("sweepgrid-store-").FullName;

    private string DatabasePath => Path.Combine(directory, "sweepgrid.db");

    protected override Task<ITrialStore> CreateStoreAsync() => Task.FromResult(TrialStores.OpenSqlite(DatabasePath));

    protected override ITrialStore OpenSameDatabase() => TrialStores.OpenSqlite(DatabasePath);

    protected override ITrialStore OpenUnreachable(out string expectedName)
    {
        // A directory that existed and was deleted: SQLite cannot create the file.
        var gone = Directory.CreateTempSubdirectory("sweepgrid-gone-").FullName;
        Directory.Delete(gone);
        var path = Path.Combine(gone, "sweepgrid.db");
        expectedName = path;
        return TrialStores.OpenSqlite(path, TimeSpan.FromSeconds(1));
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Deleting_the_database_directory_under_a_running_store_makes_it_unavailable()
    {
        await Store.SubmitStudyAsync(Support.Studies.Study("s", Support.Studies.Trial("a")), T0);
        Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory); // so the test's own clean-up still finds it

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Store.LeaseNextAsync("n1", LeaseTime, T0));

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_runs_in_WAL_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
