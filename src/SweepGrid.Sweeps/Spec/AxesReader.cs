using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Spec;

/// <summary>
/// Reads <c>axes</c>: training-time axes keyed by setting path, each a value list or a range, and
/// <c>zip</c> groups whose paths move together (all lists of one length).
/// </summary>
internal static class AxesReader
{
    private const string Zip = "zip";

    public static List<SpecAxis> Read(SpecNode node, ErrorSink errors, string root = "axes")
    {
        var axes = new List<SpecAxis>();
        if (node is not MappingNode mapping)
        {
            errors.Add(node, root, $"expected a mapping of setting paths to values, got {node.Describe()}");
            return axes;
        }
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in MappingReader.Entries(mapping, root, errors))
        {
            if (key.Value == Zip)
            {
                var groups = value is SequenceNode list ? list.Items.Select((g, i) => (g, $"{root}.zip[{i}]")) : [(value, $"{root}.zip")];
                foreach (var (group, groupPath) in groups)
                {
                    if (ReadZip(group, groupPath, used, errors) is { } zipped)
                    {
                        axes.Add(zipped);
                    }
                }
                continue;
            }
            var path = root + "." + key.Value;
            var setting = SettingPaths.Resolve(key, path, errors);
            if (setting is null || !Claim(setting.Path, key, path, used, errors))
            {
                continue;
            }
            var values = ReadValues(setting, value, path, errors);
            if (values is not null)
            {
                axes.Add(new SpecAxis([setting.Path], [.. values.Select(v => (IReadOnlyList<Assignment>)[v])], value, path));
            }
        }
        return axes;
    }

    /// <summary>
    /// The values of one axis (a list or a range), each checked against the setting; null when any is
    /// invalid, the list is empty, or a value repeats.
    /// </summary>
    public static List<Assignment>? ReadValues(Setting setting, SpecNode node, string path, ErrorSink errors, bool allowRepeats = false)
    {
        var before = errors.Count;
        var values = new List<Assignment>();
        if (ValueListReader.IsRange(node))
        {
            if (setting.Kind is not (SettingKind.Number or SettingKind.Integer))
            {
                errors.Add(node, path, $"a range needs a numeric setting; {setting.Path} takes {setting.Allowed}");
                return null;
            }
            var range = ValueListReader.ReadRange((MappingNode)node, path, errors);
            for (var i = 0; range is not null && i < range.Count; i++)
            {
                if (SettingReader.FromFraction(setting, range[i], node, $"{path}[{i}]", errors) is { } value)
                {
                    values.Add(new Assignment(setting.Path, value, node, $"{path}[{i}]"));
                }
            }
        }
        else if (node is SequenceNode sequence)
        {
            if (sequence.Items.Count == 0)
            {
                errors.Add(node, path, "an axis needs at least one value");
                return null;
            }
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var item = sequence.Items[i];
                if (SettingReader.Read(setting, item, $"{path}[{i}]", errors) is { } value)
                {
                    values.Add(new Assignment(setting.Path, value, item, $"{path}[{i}]"));
                }
            }
        }
        else
        {
            errors.Add(node, path, $"expected a list of values, {{geometric: {{from, to, factor}}}} or {{linear: {{from, to, step}}}}, got {node.Describe()}");
            return null;
        }
        foreach (var repeated in values.GroupBy(v => v.Value.Text).Where(g => !allowRepeats && g.Count() > 1))
        {
            var second = repeated.ElementAt(1);
            errors.Add(second.Origin, second.OriginPath, $"the value {repeated.Key} appears more than once on this axis");
        }
        return errors.Count == before ? values : null;
    }

    private static SpecAxis? ReadZip(SpecNode node, string path, Dictionary<string, string> used, ErrorSink errors)
    {
        if (node is not MappingNode { Entries.Count: > 0 } mapping)
        {
            errors.Add(node, path, $"expected a mapping of setting paths to equally long lists, got {node.Describe()}");
            return null;
        }
        var columns = new List<(string Path, List<Assignment> Values, SpecNode Node, string KeyPath)>();
        var valid = true;
        foreach (var (key, value) in MappingReader.Entries(mapping, path, errors))
        {
            var keyPath = $"{path}.{key.Value}";
            var setting = SettingPaths.Resolve(key, keyPath, errors);
            if (setting is null || !Claim(setting.Path, key, keyPath, used, errors))
            {
                valid = false;
                continue;
            }
            // A zipped column may repeat a value (batch size 120 for every model); only whole tuples must differ.
            var values = ReadValues(setting, value, keyPath, errors, allowRepeats: true);
            if (values is null)
            {
                valid = false;
                continue;
            }
            columns.Add((setting.Path, values, value, keyPath));
        }
        if (!valid || columns.Count == 0)
        {
            return null;
        }
        var length = columns[0].Values.Count;
        foreach (var column in columns.Skip(1).Where(c => c.Values.Count != length))
        {
            errors.Add(column.Node, column.KeyPath,
                $"zipped axes need lists of one length: {columns[0].Path} has {length} values, {column.Path} has {column.Values.Count}");
            valid = false;
        }
        if (!valid)
        {
            return null;
        }
        var points = Enumerable.Range(0, length)
            .Select(i => (IReadOnlyList<Assignment>)[.. columns.Select(c => c.Values[i])])
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < points.Count; i++)
        {
            if (!seen.Add(string.Join("\n", points[i].Select(a => a.Value.Text))))
            {
                errors.Add(node, $"{path}[{i}]", $"point {i} of the zipped axes repeats an earlier point");
                return null;
            }
        }
        return new SpecAxis([.. columns.Select(c => c.Path)], points, node, path);
    }

    private static bool Claim(string settingPath, ScalarNode key, string errorPath, Dictionary<string, string> used, ErrorSink errors)
    {
        if (used.TryGetValue(settingPath, out var first))
        {
            errors.Add(key, errorPath, $"'{settingPath}' is already an axis at {first}");
            return false;
        }
        used[settingPath] = errorPath;
        return true;
    }
}
