using SweepGrid.Sweeps.Errors;

namespace SweepGrid.Sweeps.Yaml;

/// <summary>Reads the fixed keys of a mapping, reporting duplicates and unknown keys with suggestions.</summary>
internal static class MappingReader
{
    /// <summary>
    /// The values of the allowed keys present in <paramref name="mapping"/> (first occurrence). A repeated
    /// key and a key not in <paramref name="allowed"/> are errors at the key's position.
    /// </summary>
    public static Dictionary<string, SpecNode> Fields(MappingNode mapping, string path, IReadOnlyCollection<string> allowed, ErrorSink errors)
    {
        var fields = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(mapping, path, errors))
        {
            if (allowed.Contains(key.Value))
            {
                fields[key.Value] = value;
            }
            else
            {
                errors.Add(key, Join(path, key.Value), $"unknown key '{key.Value}'" + Suggestions.Hint(key.Value, allowed));
            }
        }
        return fields;
    }

    /// <summary>The entries of a mapping in file order with duplicates reported and skipped.</summary>
    public static IEnumerable<(ScalarNode Key, SpecNode Value)> Entries(MappingNode mapping, string path, ErrorSink errors)
    {
        var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (seen.TryGetValue(entry.Key.Value, out var first))
            {
                errors.Add(entry.Key, Join(path, entry.Key.Value), $"duplicate key '{entry.Key.Value}' (first given at line {first.Line})");
                continue;
            }
            seen[entry.Key.Value] = entry.Key;
            yield return (entry.Key, entry.Value);
        }
    }

    /// <summary>Joins a parent path and a key with a dot ("" parent gives the key).</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
