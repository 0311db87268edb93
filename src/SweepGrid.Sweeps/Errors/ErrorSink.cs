using SweepGrid.Sweeps.Yaml;
using YamlDotNet.Core;

namespace SweepGrid.Sweeps.Errors;

/// <summary>
/// Collects errors while reading or expanding a spec so that one pass reports all of them. An error
/// reported twice (e.g. the same bad combination reached from many grid points) is kept once.
/// </summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<SpecError> _errors = [];
    private readonly HashSet<SpecError> _seen = [];

    public string File { get; } = file;

    public bool HasErrors => _errors.Count > 0;

    public int Count => _errors.Count;

    public void Add(int line, int column, string path, string message)
    {
        var error = new SpecError(File, line, column, path, message);
        if (_seen.Add(error))
        {
            _errors.Add(error);
        }
    }

    public void Add(SpecNode node, string path, string message) => Add(node.Line, node.Column, path, message);

    public void Add(Mark mark, string path, string message) => Add((int)mark.Line, (int)mark.Column, path, message);

    /// <summary>Throws a <see cref="SpecException"/> with every error, sorted by position, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new SpecException(Sorted());
        }
    }

    public IReadOnlyList<SpecError> Sorted() =>
        [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.Path, StringComparer.Ordinal)];
}
