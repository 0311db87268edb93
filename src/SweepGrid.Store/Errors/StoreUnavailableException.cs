namespace SweepGrid.Store;

/// <summary>
/// The database could not be reached or written (refused connection, missing directory, disk full, locked
/// past the busy timeout). The call had no effect and may be retried later.
/// </summary>
public class StoreUnavailableException : StoreException
{
    public StoreUnavailableException(string message) : base(message) { }

    public StoreUnavailableException(string message, Exception inner) : base(message, inner) { }

    public StoreUnavailableException() { }
}
