namespace SweepGrid.Cli;

/// <summary>Process exit codes, stable for scripts.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An unexpected failure (native error, I/O error).</summary>
    public const int Failure = 1;
    /// <summary>Invalid input: arguments, spec, or dataset files; or a database another `run` or a cluster coordinates.</summary>
    public const int InvalidInput = 2;
    /// <summary>Training diverged (NaN/Inf loss).</summary>
    public const int Diverged = 3;
    /// <summary>Interrupted by Ctrl-C / SIGTERM.</summary>
    public const int Cancelled = 130;
}
