namespace SweepGrid.Store;

/// <summary>The database's schema cannot be used by this build (e.g. it was written by a newer SweepGrid).</summary>
public class StoreSchemaException : StoreException
{
    public StoreSchemaException(string message) : base(message) { }

    public StoreSchemaException(string message, Exception inner) : base(message, inner) { }

    public StoreSchemaException() { }
}
