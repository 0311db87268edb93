namespace SweepGrid.Sweeps.Yaml;

/// <summary>
/// A node of a parsed spec file with its position, so that every error can name line and column.
/// Mappings keep their entries in file order and keep duplicates, so that the reader can report them.
/// </summary>
internal abstract record SpecNode(int Line, int Column)
{
    /// <summary>What kind of node this is, in the words an error message uses ("a list", "a mapping").</summary>
    public abstract string Describe();
}

/// <summary>A scalar; <see cref="IsPlain"/> distinguishes <c>null</c> from <c>"null"</c>.</summary>
internal sealed record ScalarNode(string Value, bool IsPlain, int Line, int Column) : SpecNode(Line, Column)
{
    /// <summary>True for an empty plain scalar, <c>~</c> or <c>null</c> (YAML's null).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing (null)" : $"'{Value}'";
}

/// <summary>A sequence (list).</summary>
internal sealed record SequenceNode(IReadOnlyList<SpecNode> Items, int Line, int Column) : SpecNode(Line, Column)
{
    public override string Describe() => "a list";
}

/// <summary>One key/value pair of a mapping.</summary>
internal sealed record MappingEntry(ScalarNode Key, SpecNode Value);

/// <summary>A mapping; entries in file order, duplicates kept (the reader reports them).</summary>
internal sealed record MappingNode(IReadOnlyList<MappingEntry> Entries, int Line, int Column) : SpecNode(Line, Column)
{
    public override string Describe() => "a mapping";
}
