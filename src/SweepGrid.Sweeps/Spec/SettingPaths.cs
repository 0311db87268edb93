using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Spec;

/// <summary>Resolves dotted paths written as keys (<c>model.temperature</c>) to catalog settings.</summary>
internal static class SettingPaths
{
    /// <summary>
    /// The setting named by <paramref name="key"/>, or null with an error naming the first segment
    /// that does not exist (and the closest existing name) or saying that the path is a group.
    /// </summary>
    public static Setting? Resolve(ScalarNode key, string errorPath, ErrorSink errors)
    {
        var dotted = key.Value.Trim();
        if (SettingCatalog.Find(dotted) is { } setting)
        {
            return setting;
        }
        if (SettingCatalog.IsGroup(dotted))
        {
            errors.Add(key, errorPath, $"'{dotted}' is a group; name one of its settings: "
                + string.Join(", ", SettingCatalog.Children(dotted).Select(c => dotted + "." + c)));
            return null;
        }
        if (dotted is "seed" or "seeds" or "training.seed")
        {
            errors.Add(key, errorPath, $"unknown key '{dotted}' (seeds are given by the top-level 'seeds' key)");
            return null;
        }
        var segments = dotted.Split('.');
        var group = "";
        foreach (var segment in segments)
        {
            var children = SettingCatalog.Children(group);
            if (!children.Contains(segment))
            {
                errors.Add(key, errorPath, $"unknown key '{segment}'" + Suggestions.Hint(segment, [.. children]));
                return null;
            }
            group = MappingReader.Join(group, segment);
            if (SettingCatalog.Find(group) is not null)
            {
                break;
            }
        }
        errors.Add(key, errorPath, $"'{dotted}' is not a setting; '{group}' has no keys below it");
        return null;
    }

    /// <summary>
    /// Reads a mapping of dotted paths to single values (a profile's or an ensemble member's overrides).
    /// </summary>
    public static List<Assignment> ReadOverrides(MappingNode mapping, string path, ErrorSink errors, Func<string, bool>? skip = null)
    {
        var overrides = new List<Assignment>();
        foreach (var (key, value) in MappingReader.Entries(mapping, path, errors))
        {
            if (skip?.Invoke(key.Value) == true)
            {
                continue;
            }
            var keyPath = MappingReader.Join(path, key.Value);
            var setting = Resolve(key, keyPath, errors);
            if (setting is null)
            {
                continue;
            }
            if (SettingReader.Read(setting, value, keyPath, errors) is { } checkedValue)
            {
                overrides.Add(new Assignment(setting.Path, checkedValue, value, keyPath));
            }
        }
        return overrides;
    }
}
