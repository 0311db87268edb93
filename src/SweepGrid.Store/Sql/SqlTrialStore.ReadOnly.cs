using System.Globalization;

namespace SweepGrid.Store.Sql;

/// <summary>Migration on a database opened read-only: nothing can be changed, so the schema must already be current.</summary>
internal sealed partial class SqlTrialStore
{
    private Task<int> CheckReadOnlySchemaAsync(CancellationToken cancellationToken) =>
        ReadAsync("check the schema version", async session =>
        {
            var version = Convert.ToInt32(
                await session.ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM schema_version").ConfigureAwait(false),
                CultureInfo.InvariantCulture);
            if (version != StoreSchema.CurrentVersion)
                throw new StoreUnavailableException(
                    $"{DatabaseName} is read-only and has schema version {version}; this build of SweepGrid needs version " +
                    $"{StoreSchema.CurrentVersion}. Open it once where it can be written (nothing was changed).");
            return version;
        }, cancellationToken);
}
