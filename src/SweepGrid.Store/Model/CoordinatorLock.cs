namespace SweepGrid.Store;

/// <summary>Who holds the coordinator role of a database and until when (see <see cref="ITrialStore.TryAcquireCoordinatorLockAsync"/>).</summary>
public sealed record CoordinatorLock(string Holder, DateTimeOffset HeldUntil);
