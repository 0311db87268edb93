using SweepGrid.Store.Tests.Support;
using static SweepGrid.Store.Tests.Support.Studies;

namespace SweepGrid.Store.Tests;

/// <summary>SQLite on a disk that fills up and on a read-only file system (real tmpfs mounts).</summary>
public sealed class SqliteResourceTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddDays(20000);

    private static StudySubmission BigStudy(string id, int trials) =>
        Study(id, [.. Enumerable.Range(0, trials).Select(i => Trial($"{id}-trial-{i:D5}-" + new string('x', 200)))]);

    [Fact]
    public async Task A_full_disk_is_reported_as_disk_full_naming_the_database_and_the_same_write_succeeds_once_space_is_free()
    {
        using var disk = SmallFileSystem.Mount(kilobytes: 2048);
        var path = Path.Combine(disk.Path, "sweepgrid.db");
        await using (var store = TrialStores.OpenSqlite(path, TimeSpan.FromSeconds(1)))
        {
            await store.MigrateAsync();
            var filler = disk.Fill();

            var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SubmitStudyAsync(BigStudy("full", 500), Now));

            Assert.Contains($"SQLite database '{path}': disk full", error.Message, StringComparison.Ordinal);
            Assert.Null(await store.GetStudyAsync("full"));
            File.Delete(filler);
            await store.SubmitStudyAsync(BigStudy("full", 500), Now);
            Assert.Equal(500, (await store.GetStudyAsync("full"))!.TrialCount);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_database_on_a_read_only_file_system_can_still_be_listed_reported_and_inspected()
    {
        using var disk = SmallFileSystem.Mount(kilobytes: 4096);
        var path = Path.Combine(disk.Path, "sweepgrid.db");
        await using (var writer = TrialStores.OpenSqlite(path))
        {
            await writer.MigrateAsync();
            await writer.SubmitStudyAsync(Study("ro", Trial("ro-a"), Trial("ro-b")), Now);
            var lease = (await writer.LeaseNextAsync("node", TimeSpan.FromMinutes(1), Now))!;
            await writer.CompleteAsync(lease, SomeResults(), Now);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        disk.RemountReadOnly();

        await using var store = TrialStores.OpenSqlite(path);
        Assert.Equal(StoreSchema.CurrentVersion, await store.MigrateAsync());

        Assert.EndsWith("(read-only)", store.DatabaseName, StringComparison.Ordinal);
        Assert.Equal("ro", Assert.Single(await store.ListStudiesAsync()).StudyId);
        Assert.Equal(1, (await store.CountTrialsByStateAsync("ro"))[TrialState.Completed]);
        Assert.Equal(2, (await store.GetResultsAsync("ro")).Count);
        Assert.NotNull(await store.GetTrialAsync("ro-a"));
        var write = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CancelStudyAsync("ro", Now));
        Assert.Contains("read-only", write.Message, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_read_only_copy_whose_last_commits_are_still_in_the_write_ahead_log_shows_them()
    {
        using var source = SmallFileSystem.Mount(kilobytes: 4096);
        using var copy = SmallFileSystem.Mount(kilobytes: 4096);
        var path = Path.Combine(source.Path, "sweepgrid.db");
        await using (var writer = TrialStores.OpenSqlite(path))
        {
            await writer.MigrateAsync();
        }
        // A connection that stays open and never checkpoints keeps the next commit in the -wal file only,
        // as when the writer was killed.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await holder.OpenAsync();
        await using (var pragma = holder.CreateCommand())
        {
            pragma.CommandText = "PRAGMA wal_autocheckpoint = 0; SELECT COUNT(*) FROM studies;";
            await pragma.ExecuteScalarAsync();
        }
        await using (var writer = TrialStores.OpenSqlite(path))
        {
            await writer.SubmitStudyAsync(Study("in-the-log", Trial("log-a")), Now);
        }
        Assert.True(new FileInfo(path + "-wal").Length > 0, "the commit should still be in the write-ahead log");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Copy(path + suffix, Path.Combine(copy.Path, "sweepgrid.db" + suffix));
        }
        copy.RemountReadOnly();

        await using var store = TrialStores.OpenSqlite(Path.Combine(copy.Path, "sweepgrid.db"));
        await store.MigrateAsync();

        Assert.Equal("in-the-log", Assert.Single(await store.ListStudiesAsync()).StudyId);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
