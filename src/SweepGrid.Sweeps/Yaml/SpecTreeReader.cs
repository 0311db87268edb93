using SweepGrid.Sweeps.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SweepGrid.Sweeps.Yaml;

/// <summary>
/// Builds a <see cref="SpecNode"/> tree from YamlDotNet's parser events. Working on events rather than
/// YamlDotNet's representation model keeps duplicate keys (the model throws on the first one) and gives
/// every node its <see cref="Mark"/>.
/// </summary>
internal static class SpecTreeReader
{
    /// <summary>Nesting deeper than this is refused: a spec is data of a known, shallow shape.</summary>
    private const int MaxDepth = 32;

    /// <summary>
    /// Reads the single document of <paramref name="text"/>. Returns null and records an error when the
    /// YAML is malformed (at the parser's position), empty, has several documents or uses aliases.
    /// </summary>
    public static SpecNode? Read(string text, ErrorSink errors)
    {
        using var reader = new StringReader(text);
        var parser = new Parser(reader);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out var end))
            {
                errors.Add(end.Start, "", "the spec is empty");
                return null;
            }
            parser.Consume<DocumentStart>();
            if (parser.Accept<DocumentEnd>(out var emptyEnd))
            {
                errors.Add(emptyEnd.Start, "", "the spec is empty");
                return null;
            }
            var root = ReadNode(parser, errors, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                errors.Add(next.Start, "", "a spec file holds one YAML document; remove the second '---'");
                return null;
            }
            return root;
        }
        catch (YamlException e)
        {
            // YamlDotNet's message repeats the position; keep only its explanation.
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            var position = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && position >= 0)
            {
                message = message[(position + 3)..];
            }
            errors.Add(e.Start, "", "malformed YAML: " + message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // Some malformed inputs (e.g. an unclosed flow list running into the next key) make the
            // scanner fail without a position; the last event it produced is the best one known.
            var last = parser.Current?.End ?? Mark.Empty;
            errors.Add(last, "", "malformed YAML after this point (an unclosed '[', '{' or quote?)");
            return null;
        }
    }

    private static SpecNode ReadNode(IParser parser, ErrorSink errors, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new YamlException(parser.Current!.Start, parser.Current.End, $"nesting deeper than {MaxDepth} levels");
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new ScalarNode(scalar.Value, scalar.Style == ScalarStyle.Plain, Line(scalar.Start), Column(scalar.Start));
        }
        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<SpecNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, errors, depth + 1));
            }
            return new SequenceNode(items, Line(sequenceStart.Start), Column(sequenceStart.Start));
        }
        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var entries = new List<MappingEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, errors, depth + 1);
                var value = ReadNode(parser, errors, depth + 1);
                if (key is ScalarNode scalarKey)
                {
                    entries.Add(new MappingEntry(scalarKey, value));
                }
                else
                {
                    errors.Add(key.Line, key.Column, "", $"a key must be a plain name, not {key.Describe()}");
                }
            }
            return new MappingNode(entries, Line(mappingStart.Start), Column(mappingStart.Start));
        }
        var current = parser.Current!;
        if (current is AnchorAlias)
        {
            throw new YamlException(current.Start, current.End, "aliases (*name) are not supported in a spec; write the value out");
        }
        throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
    }

    private static int Line(Mark mark) => (int)mark.Line;

    private static int Column(Mark mark) => (int)mark.Column;
}
