namespace SweepGrid.Store;

/// <summary>The schema version this build writes and reads.</summary>
public static class StoreSchema
{
    /// <summary>
    /// The newest schema version this build knows. <see cref="ITrialStore.MigrateAsync"/> refuses databases
    /// with a higher version. Bump it with every new migration (never edit a released one).
    /// </summary>
    public const int CurrentVersion = 1;
}
