using System.Text.RegularExpressions;
using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Values;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Spec;

/// <summary>Reads the top level of a spec tree into a <see cref="SweepSpec"/>, collecting every error.</summary>
internal static partial class SpecReader
{
    public static readonly IReadOnlyList<string> TopLevelKeys =
        ["study", "dataset", "model", "training", "seeds", "evaluation", "axes", "ensembles", "profiles", "findings"];

    /// <summary>Keys of a profile besides setting paths.</summary>
    private static readonly string[] ProfileSections = ["seeds", "axes", "evaluation"];

    private const int MaxSeedCount = 1000;

    public static SweepSpec Read(SpecNode root, string file, ErrorSink errors)
    {
        var spec = new SweepSpec(file, root);
        if (root is not MappingNode mapping)
        {
            errors.Add(root, "", $"a spec is a mapping with the keys {string.Join(", ", TopLevelKeys)}; got {root.Describe()}");
            return spec;
        }
        var fields = MappingReader.Fields(mapping, "", TopLevelKeys, errors);
        // An optional section written with nothing after the colon means "not given".
        foreach (var empty in fields.Where(f => f.Value is ScalarNode { IsNull: true } && f.Key is not ("study" or "seeds")).ToList())
        {
            fields.Remove(empty.Key);
        }
        if (fields.TryGetValue("study", out var study))
        {
            ReadStudy(study, spec, errors);
        }
        else
        {
            errors.Add(root, "study", "missing 'study' (give at least study.name)");
        }
        foreach (var section in SettingCatalog.Sections)
        {
            if (fields.TryGetValue(section, out var node))
            {
                ReadGroup(section, node, spec.BaseSettings, errors);
            }
        }
        if (fields.TryGetValue("seeds", out var seeds))
        {
            spec.Seeds = ReadSeeds(seeds, "seeds", errors) ?? spec.Seeds;
            spec.SeedsOrigin = seeds;
        }
        if (fields.TryGetValue("evaluation", out var evaluation))
        {
            spec.Evaluations = EvaluationReader.Read(evaluation, "evaluation", errors);
        }
        if (fields.TryGetValue("axes", out var axes))
        {
            spec.Axes = AxesReader.Read(axes, errors);
            spec.AxesOrigin = axes;
        }
        if (fields.TryGetValue("ensembles", out var ensembles))
        {
            spec.Ensembles = EnsembleReader.Read(ensembles, errors);
        }
        if (fields.TryGetValue("profiles", out var profiles))
        {
            spec.Profiles = ReadProfiles(profiles, spec.Axes, errors);
            spec.ProfilesOrigin = profiles;
        }
        if (fields.TryGetValue("findings", out var findings))
        {
            spec.Findings = FindingReader.Read(findings, errors);
        }
        return spec;
    }

    private static void ReadStudy(SpecNode node, SweepSpec spec, ErrorSink errors)
    {
        if (node is not MappingNode mapping)
        {
            errors.Add(node, "study", $"expected a mapping {{name, description}}, got {node.Describe()}");
            return;
        }
        var fields = MappingReader.Fields(mapping, "study", ["name", "description", "accuracy_floor"], errors);
        if (!fields.TryGetValue("name", out var name))
        {
            errors.Add(node, "study.name", "missing 'name'");
        }
        else if (name is ScalarNode { IsNull: false } text && StudyName().IsMatch(text.Value))
        {
            spec.StudyName = text.Value;
        }
        else
        {
            errors.Add(name, "study.name", $"expected a name of 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit, got {name.Describe()}");
        }
        if (fields.TryGetValue("description", out var description))
        {
            if (description is ScalarNode scalar)
            {
                spec.Description = scalar.IsNull ? null : scalar.Value.Trim();
            }
            else
            {
                errors.Add(description, "study.description", $"expected text, got {description.Describe()}");
            }
        }
        if (fields.TryGetValue("accuracy_floor", out var floor))
        {
            var setting = new Setting("study.accuracy_floor", SettingKind.Number, null, "") { Min = Bound.AtLeast(0), Max = Bound.AtMost(1) };
            if (SettingReader.Read(setting, floor, "study.accuracy_floor", errors) is NumberValue value)
            {
                spec.AccuracyFloor = value.Value;
            }
        }
    }

    /// <summary>
    /// Reads a settings group (a section such as <c>training</c> or a nested one such as
    /// <c>training.optimizer</c>). A group with a <c>kind</c> also accepts the kind alone
    /// (<c>optimizer: sgd</c>).
    /// </summary>
    private static void ReadGroup(string group, SpecNode node, Dictionary<string, Assignment> settings, ErrorSink errors)
    {
        var kind = SettingCatalog.Find(group + ".kind");
        if (node is ScalarNode { IsNull: true })
        {
            return;
        }
        if (node is ScalarNode scalar && kind is not null)
        {
            if (SettingReader.Read(kind, scalar, group, errors) is { } value)
            {
                settings[kind.Path] = new Assignment(kind.Path, value, scalar, group);
            }
            return;
        }
        if (node is not MappingNode mapping)
        {
            errors.Add(node, group, $"expected a mapping with the keys {string.Join(", ", SettingCatalog.Children(group))}"
                + (kind is null ? "" : ", or the kind alone") + $", got {node.Describe()}");
            return;
        }
        foreach (var (key, value) in MappingReader.Entries(mapping, group, errors))
        {
            var path = group + "." + key.Value;
            if (SettingCatalog.Find(path) is { } setting)
            {
                if (SettingReader.Read(setting, value, path, errors) is { } checkedValue)
                {
                    settings[path] = new Assignment(path, checkedValue, value, path);
                }
            }
            else if (SettingCatalog.IsGroup(path))
            {
                ReadGroup(path, value, settings, errors);
            }
            else
            {
                errors.Add(key, path, $"unknown key '{key.Value}'" + Suggestions.Hint(key.Value, SettingCatalog.Children(group)));
            }
        }
    }

    /// <summary>Seeds: a count n (seeds 1 … n) or a list of distinct integers >= 0.</summary>
    private static List<long>? ReadSeeds(SpecNode node, string path, ErrorSink errors)
    {
        if (node is ScalarNode)
        {
            var count = new Setting(path, SettingKind.Integer, null, "") { Min = Bound.AtLeast(1), Max = Bound.AtMost(MaxSeedCount) };
            return SettingReader.Read(count, node, path, errors) is IntegerValue n
                ? [.. Enumerable.Range(1, (int)n.Value).Select(i => (long)i)]
                : null;
        }
        if (node is not SequenceNode { Items.Count: > 0 } sequence)
        {
            errors.Add(node, path, $"expected a count (1 to {MaxSeedCount}) or a list of seeds, got {node.Describe()}");
            return null;
        }
        var seed = new Setting(path, SettingKind.Integer, null, "") { Min = Bound.AtLeast(0) };
        var seeds = new List<long>();
        var before = errors.Count;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (SettingReader.Read(seed, sequence.Items[i], $"{path}[{i}]", errors) is IntegerValue value)
            {
                if (seeds.Contains(value.Value))
                {
                    errors.Add(sequence.Items[i], $"{path}[{i}]", $"the seed {value.Value} appears more than once");
                }
                seeds.Add(value.Value);
            }
        }
        return errors.Count == before ? seeds : null;
    }

    private static Dictionary<string, ProfileSpec> ReadProfiles(SpecNode node, IReadOnlyList<SpecAxis> specAxes, ErrorSink errors)
    {
        var profiles = new Dictionary<string, ProfileSpec>(StringComparer.Ordinal);
        if (node is not MappingNode mapping)
        {
            errors.Add(node, "profiles", $"expected a mapping of profile names to overrides, got {node.Describe()}");
            return profiles;
        }
        foreach (var (key, value) in MappingReader.Entries(mapping, "profiles", errors))
        {
            var path = "profiles." + key.Value;
            if (!StudyName().IsMatch(key.Value))
            {
                errors.Add(key, path, "a profile name is 1-64 letters, digits, '.', '_' or '-'");
                continue;
            }
            if (value is not MappingNode overrides)
            {
                errors.Add(value, path, $"expected a mapping of setting paths (and 'seeds') to values, got {value.Describe()}");
                continue;
            }
            var assignments = SettingPaths.ReadOverrides(overrides, path, errors, skip: ProfileSections.Contains);
            SpecNode? Section(string name) => overrides.Entries.FirstOrDefault(e => e.Key.Value == name)?.Value;
            var seeds = Section("seeds") is { } seedsNode ? ReadSeeds(seedsNode, path + ".seeds", errors) : null;
            var axes = Section("axes") is { } axesNode ? ProfileAxes(axesNode, path + ".axes", specAxes, errors) : [];
            var evaluation = Section("evaluation") is { } evaluationNode ? EvaluationReader.Read(evaluationNode, path + ".evaluation", errors) : null;
            profiles[key.Value] = new ProfileSpec(key.Value, assignments, seeds, value, axes, evaluation);
        }
        return profiles;
    }

    /// <summary>
    /// A profile's <c>axes</c>: narrower value lists for axes the spec already has (a profile changes how
    /// much of the grid runs, not what the study varies; zipped axes are narrowed by fixing one of their paths).
    /// </summary>
    private static List<SpecAxis> ProfileAxes(SpecNode node, string path, IReadOnlyList<SpecAxis> specAxes, ErrorSink errors)
    {
        var read = AxesReader.Read(node, errors, path);
        foreach (var axis in read.Where(a => !specAxes.Any(s => s.Paths.SequenceEqual(a.Paths))))
        {
            var named = specAxes.Where(s => s.Paths.Count == 1).Select(s => s.Paths[0]).ToList();
            errors.Add(axis.Origin, axis.OriginPath, $"'{string.Join(", ", axis.Paths)}' is not an axis of the spec; a profile can narrow the axes "
                + (named.Count == 0 ? "(the spec has none)" : string.Join(", ", named)));
        }
        return read;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex StudyName();
}
