using static SweepGrid.Store.Tests.Support.Studies;

namespace SweepGrid.Store.Tests.Conformance;

public abstract partial class TrialStoreConformance
{
    [Fact]
    public async Task Migrating_again_changes_nothing_and_keeps_the_data()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a")), T0);

        var versions = await Task.WhenAll(Store.MigrateAsync(), Store.MigrateAsync(), OpenSameDatabase().MigrateAsync());

        Assert.All(versions, v => Assert.Equal(StoreSchema.CurrentVersion, v));
        await AssertStateAsync("a", TrialState.Queued, "migrations must not touch existing rows");
    }

    [Fact]
    public async Task Migration_refuses_a_database_written_by_a_newer_version()
    {
        var newer = StoreSchema.CurrentVersion + 1;
        await ExecuteSqlAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({newer}, 'future')");

        var error = await Assert.ThrowsAsync<StoreSchemaException>(() => Store.MigrateAsync());

        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Contains(Store.DatabaseName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_throws_store_unavailable_naming_the_database()
    {
        await using var unreachable = OpenUnreachable(out var expectedName);

        var onMigrate = await Assert.ThrowsAsync<StoreUnavailableException>(() => unreachable.MigrateAsync());
        var onLease = await Assert.ThrowsAsync<StoreUnavailableException>(() => unreachable.LeaseNextAsync("n1", LeaseTime, T0));

        foreach (var error in new[] { onMigrate, onLease })
        {
            Assert.Contains(expectedName, error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.InnerException);
        }
    }
}
