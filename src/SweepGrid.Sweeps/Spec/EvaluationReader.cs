using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Values;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Spec;

/// <summary>
/// Reads <c>evaluation</c>: a list whose items are entries (<c>fgsm=0.1</c>) or evaluation-time axes
/// (<c>brightness: [0.8, 1.2]</c>, <c>ood: [noise, fashion-mnist]</c>, <c>calibration: true</c>). All of
/// them become entries of one list; none of them creates a training.
/// </summary>
internal static class EvaluationReader
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["clean"] = "clean",
        ["deformed"] = "deformed",
        ["calibration"] = "ece",
        ["temperature_scaling"] = "ts",
        ["regimes"] = "regimes",
        ["gradients"] = "gradients",
    };

    private static readonly string[] NumericAxes = ["brightness", "blur", "noise", "fgsm", "pgd"];

    private static readonly string[] Keys =
        [.. Switches.Keys, .. NumericAxes, "ood", "pixel", "lowpass3", "lowpass5", "lowpass7", "graybox:lowpass5", "dae", "epochs"];

    /// <summary>The entries of an evaluation list, in file order (duplicates kept; the planner merges them).</summary>
    public static List<EvaluationItem> Read(SpecNode node, string path, ErrorSink errors)
    {
        var items = new List<EvaluationItem>();
        var list = node switch
        {
            SequenceNode sequence => sequence.Items,
            MappingNode mapping => [mapping],
            _ => null,
        };
        if (list is null || list.Count == 0)
        {
            errors.Add(node, path, $"expected a list of evaluation entries, got {node.Describe()}");
            return items;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = node is SequenceNode ? $"{path}[{i}]" : path;
            switch (list[i])
            {
                case ScalarNode { IsNull: false } scalar:
                    Add(scalar.Value, scalar, itemPath, items, errors);
                    break;
                case MappingNode mapping:
                    foreach (var (key, value) in MappingReader.Entries(mapping, itemPath, errors))
                    {
                        ReadAxis(key, value, MappingReader.Join(itemPath, key.Value), items, errors);
                    }
                    break;
                default:
                    errors.Add(list[i], itemPath, $"expected an evaluation entry or axis, got {list[i].Describe()}");
                    break;
            }
        }
        return items;
    }

    private static void ReadAxis(ScalarNode key, SpecNode value, string path, List<EvaluationItem> items, ErrorSink errors)
    {
        var name = key.Value.Trim().ToLowerInvariant();
        if (Switches.TryGetValue(name, out var entry))
        {
            var flag = new Setting(name, SettingKind.Boolean, null, "");
            if (SettingReader.Read(flag, value, path, errors) is BoolValue { Value: true })
            {
                items.Add(new EvaluationItem(entry, value, path));
            }
            return;
        }
        if (name == "pixel")
        {
            var pixel = new Setting(name, SettingKind.Integer, null, "") { Min = Bound.AtLeast(1), Max = Bound.AtMost(3) };
            if (SettingReader.Read(pixel, value, path, errors) is IntegerValue count)
            {
                items.Add(new EvaluationItem("pixel=" + count.Text, value, path));
            }
            return;
        }
        // A key may carry options after ';' ("pgd10;restarts=5", "ood;temperature=0.33", "lowpass5;noise=0.27")
        // and a stage key a threat model before ':' ("graybox:lowpass5"): each value is put in its place.
        var semicolon = name.IndexOf(';', StringComparison.Ordinal);
        var baseName = semicolon < 0 ? name : name[..semicolon];
        var options = semicolon < 0 ? "" : name[semicolon..];
        var family = baseName.TrimEnd("0123456789".ToCharArray());
        var isNumeric = NumericAxes.Contains(family) && (family == baseName || family is "blur" or "pgd");
        var isStage = baseName.StartsWith("lowpass", StringComparison.Ordinal) || baseName == "dae" || baseName.Contains(':', StringComparison.Ordinal);
        if (!isNumeric && !isStage && baseName is not ("ood" or "epochs"))
        {
            errors.Add(key, path, $"unknown key '{key.Value}'" + Suggestions.Hint(name, Keys));
            return;
        }
        string EntryOf(string valueText) =>
            isStage || baseName == "epochs" ? $"{name}:{valueText}" : $"{baseName}={valueText}{options}";
        if (isNumeric && ValueListReader.IsRange(value))
        {
            var range = ValueListReader.ReadRange((MappingNode)value, path, errors);
            for (var i = 0; range is not null && i < range.Count; i++)
            {
                Add(EntryOf(SettingValue.Format(range[i].ToDouble())), value, $"{path}[{i}]", items, errors);
            }
            return;
        }
        var values = value switch
        {
            SequenceNode { Items.Count: > 0 } sequence => sequence.Items,
            ScalarNode { IsNull: false } => [value],
            _ => null,
        };
        if (values is null)
        {
            errors.Add(value, path, $"expected a value, a list of values or a range, got {value.Describe()}");
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            var itemPath = value is SequenceNode ? $"{path}[{i}]" : path;
            if (values[i] is not ScalarNode scalar)
            {
                errors.Add(values[i], itemPath, $"expected a value, got {values[i].Describe()}");
                continue;
            }
            Add(EntryOf(scalar.Value), scalar, itemPath, items, errors);
        }
    }

    private static void Add(string text, SpecNode node, string path, List<EvaluationItem> items, ErrorSink errors)
    {
        var canonical = EvaluationGrammar.Canonical(text, out var error);
        if (canonical is null)
        {
            errors.Add(node, path, error);
            return;
        }
        items.Add(new EvaluationItem(canonical, node, path));
    }
}
