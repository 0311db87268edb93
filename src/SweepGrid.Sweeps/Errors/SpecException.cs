namespace SweepGrid.Sweeps;

/// <summary>
/// A spec was rejected. <see cref="Errors"/> lists every problem found in one pass (never only the
/// first), ordered by line and column; the message is those errors, one per line.
/// </summary>
public sealed class SpecException : Exception
{
    public SpecException(IReadOnlyList<SpecError> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    public SpecException()
        : this([])
    {
    }

    public SpecException(string message)
        : base(message)
    {
        Errors = [];
    }

    public SpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every error found, ordered by line, then column; never empty when thrown by this library.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    private static string Format(IReadOnlyList<SpecError> errors) =>
        errors.Count == 0 ? "the spec is invalid" : string.Join(Environment.NewLine, errors);
}
