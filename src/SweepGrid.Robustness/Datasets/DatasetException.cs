namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// A dataset could not be found, read, verified or downloaded. The message always names the file (or
/// URL), what is wrong and what was expected, so that it can be shown to a user as it is.
/// </summary>
public class DatasetException : Exception
{
    public DatasetException(DatasetFailure failure, string? path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        Path = path;
    }

    public DatasetException() : this(DatasetFailure.Unreadable, null, "dataset error") { }

    public DatasetException(string message) : this(DatasetFailure.Unreadable, null, message) { }

    public DatasetException(string message, Exception inner) : this(DatasetFailure.Unreadable, null, message, inner) { }

    /// <summary>What kind of problem this is, for callers that react differently (e.g. offer a download).</summary>
    public DatasetFailure Failure { get; }

    /// <summary>The file or URL concerned, when there is one.</summary>
    public string? Path { get; }
}
