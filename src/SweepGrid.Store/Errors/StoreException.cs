namespace SweepGrid.Store;

/// <summary>
/// The root of the store's errors: a database error that is not an outcome of the contract. The message
/// names the database and the operation; the driver's exception is the inner exception.
/// </summary>
public class StoreException : Exception
{
    public StoreException(string message) : base(message) { }

    public StoreException(string message, Exception inner) : base(message, inner) { }

    public StoreException() { }
}
