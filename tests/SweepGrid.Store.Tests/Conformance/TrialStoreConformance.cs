namespace SweepGrid.Store.Tests.Conformance;

/// <summary>
/// The contract of <see cref="ITrialStore"/> as tests. Every backend runs all of them through a subclass
/// that supplies a fresh, empty database per test. Time is driven through explicit <c>now</c> values.
/// </summary>
public abstract partial class TrialStoreConformance : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    private ITrialStore? store;

    /// <summary>The store under test, migrated, on a database no other test uses.</summary>
    protected ITrialStore Store => store ?? throw new InvalidOperationException("the store was not created");

    /// <summary>Creates a fresh, empty database and returns a store on it (not migrated).</summary>
    protected abstract Task<ITrialStore> CreateStoreAsync();

    /// <summary>A second, independent store instance (its own connections) on the same database as <see cref="Store"/>.</summary>
    protected abstract ITrialStore OpenSameDatabase();

    /// <summary>A store whose database cannot be reached; <paramref name="expectedName"/> is what its errors must name.</summary>
    protected abstract ITrialStore OpenUnreachable(out string expectedName);

    /// <summary>Runs raw SQL on the test's database (to simulate a database from another version).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Deletes the test's database.</summary>
    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        store = await CreateStoreAsync();
        await store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (store is not null)
            await store.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected async Task<TrialRecord> TrialAsync(string trialId) =>
        await Store.GetTrialAsync(trialId) ?? throw new Xunit.Sdk.XunitException($"trial '{trialId}' is not stored");

    protected async Task AssertStateAsync(string trialId, TrialState expected, string because)
    {
        var trial = await TrialAsync(trialId);
        Assert.True(trial.State == expected, $"trial '{trialId}' should be {expected} ({because}) but is {trial.State} (last error: {trial.LastError ?? "none"})");
    }

    protected async Task<Lease> LeaseAsync(string nodeId, DateTimeOffset now, string expectedTrialId)
    {
        var lease = await Store.LeaseNextAsync(nodeId, LeaseTime, now);
        Assert.True(lease is not null, $"node {nodeId} expected to lease trial '{expectedTrialId}' but nothing was queued");
        Assert.True(lease.TrialId == expectedTrialId, $"node {nodeId} expected to lease trial '{expectedTrialId}' but got '{lease.TrialId}'");
        return lease;
    }
}
