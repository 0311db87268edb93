namespace SweepGrid.Sweeps;

/// <summary>
/// One problem in a sweep spec: where it is (file, 1-based line and column), which field (a path such
/// as <c>axes.model.temperature[3]</c>, empty for the document itself) and what is wrong or allowed.
/// </summary>
public sealed record SpecError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>The compiler-style form <c>file:line:column: path: message</c>, one line.</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Path}: {Message}";
}
