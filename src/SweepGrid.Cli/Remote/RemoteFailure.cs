namespace SweepGrid.Cli.Remote;

/// <summary>
/// A request the server refused or could not answer, already worded for the console: <see cref="ExitCode"/> is
/// 2 for what the user can fix (an invalid spec, an unknown study, a wrong token, a bad URL) and 1 otherwise.
/// </summary>
internal sealed class RemoteFailure(int exitCode, IReadOnlyList<string> lines, bool verbatim = false) : Exception(string.Join(Environment.NewLine, lines))
{
    public int ExitCode { get; } = exitCode;

    /// <summary>True when the lines are printed as they are (a spec's <c>file:line:column: …</c> errors), not after the command's name.</summary>
    public bool Verbatim { get; } = verbatim;

    /// <summary>What to print on stderr, one entry per line.</summary>
    public IReadOnlyList<string> Lines { get; } = lines;
}
