using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Values;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Spec;

/// <summary>
/// Reads <c>findings</c>: a list of the paper's qualitative claims, each
/// <c>{claim, metric, condition, axis, expect: decreasing|increasing | order: [...], where, margin, paper}</c>.
/// Axis values are checked against the axis' setting and written canonically, so <c>1/32</c> matches the
/// stored <c>0.03125</c>.
/// </summary>
internal static class FindingReader
{
    private static readonly string[] Keys = ["claim", "metric", "condition", "axis", "expect", "order", "where", "margin", "paper", "known_difference"];

    /// <summary>Axes the planner adds besides settings (ensemble sizes), read as text.</summary>
    private static readonly string[] PlannerAxes = ["ensemble.size"];

    /// <summary>The axis name that makes the evaluation condition itself the axis (values are conditions).</summary>
    public const string ConditionAxis = "condition";

    public static List<Finding> Read(SpecNode node, ErrorSink errors)
    {
        var findings = new List<Finding>();
        if (node is not SequenceNode sequence)
        {
            errors.Add(node, "findings", $"expected a list of findings ({{claim, condition, axis, expect or order}}), got {node.Describe()}");
            return findings;
        }
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (ReadOne(sequence.Items[i], $"findings[{i}]", errors) is { } finding)
            {
                findings.Add(finding);
            }
        }
        return findings;
    }

    private static Finding? ReadOne(SpecNode node, string path, ErrorSink errors)
    {
        if (node is not MappingNode mapping)
        {
            errors.Add(node, path, $"expected a mapping with the keys {string.Join(", ", Keys)}, got {node.Describe()}");
            return null;
        }
        var before = errors.Count;
        var fields = MappingReader.Fields(mapping, path, Keys, errors);
        var claim = Text(fields, "claim", path, errors, required: true);
        var metric = Text(fields, "metric", path, errors, required: false) ?? "accuracy";
        var axisKey = fields.GetValueOrDefault("axis") as ScalarNode;
        var alongConditions = axisKey?.Value.Trim() == ConditionAxis;
        string? condition;
        if (alongConditions && fields.TryGetValue("condition", out var fixedCondition))
        {
            errors.Add(fixedCondition, path + ".condition", "with axis: condition the conditions are the axis values (list them in 'order'); leave 'condition' out");
            condition = null;
        }
        else
        {
            condition = alongConditions ? "" : Condition(fields, path, errors);
        }
        Setting? setting = null;
        if (axisKey is null || axisKey.IsNull)
        {
            errors.Add(fields.GetValueOrDefault("axis") ?? node, path + ".axis", "missing 'axis' (a setting path such as model.temperature, ensemble.size, or condition)");
        }
        else if (!alongConditions && !PlannerAxes.Contains(axisKey.Value.Trim()))
        {
            setting = SettingPaths.Resolve(axisKey, path + ".axis", errors);
        }
        var (shape, order) = Shape(fields, node, path, setting, alongConditions, errors);
        var where = Where(fields, path, errors);
        var margin = 0.0;
        if (fields.TryGetValue("margin", out var marginNode))
        {
            var bound = new Setting(path + ".margin", SettingKind.Number, null, "") { Min = Bound.AtLeast(0), Max = Bound.AtMost(1) };
            margin = SettingReader.Read(bound, marginNode, path + ".margin", errors) is NumberValue m ? m.Value : 0;
        }
        var paper = Text(fields, "paper", path, errors, required: false);
        var knownDifference = Text(fields, "known_difference", path, errors, required: false);
        return errors.Count == before
            ? new Finding(claim!, metric, condition!, setting?.Path ?? axisKey!.Value.Trim(), shape, order, where, margin, paper, knownDifference)
            : null;
    }

    private static string? Text(Dictionary<string, SpecNode> fields, string key, string path, ErrorSink errors, bool required)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            if (required)
            {
                errors.Add(fields.Values.FirstOrDefault() ?? new ScalarNode("", true, 1, 1), $"{path}.{key}", $"missing '{key}'");
            }
            return null;
        }
        if (node is ScalarNode { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            return scalar.Value.Trim();
        }
        errors.Add(node, $"{path}.{key}", $"expected text, got {node.Describe()}");
        return null;
    }

    private static string? Condition(Dictionary<string, SpecNode> fields, string path, ErrorSink errors)
    {
        if (!fields.TryGetValue("condition", out var node))
        {
            return "clean";
        }
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            errors.Add(node, path + ".condition", $"expected an evaluation condition such as fgsm=0.1, got {node.Describe()}");
            return null;
        }
        var canonical = EvaluationGrammar.Canonical(scalar.Value, out var error);
        if (canonical is null)
        {
            errors.Add(node, path + ".condition", error);
        }
        return canonical;
    }

    private static (FindingShape Shape, IReadOnlyList<string> Order) Shape(
        Dictionary<string, SpecNode> fields, SpecNode node, string path, Setting? setting, bool alongConditions, ErrorSink errors)
    {
        var hasExpect = fields.TryGetValue("expect", out var expect);
        var hasOrder = fields.TryGetValue("order", out var order);
        if (hasExpect == hasOrder)
        {
            errors.Add(node, path, "give exactly one of 'expect' (decreasing or increasing along a numeric axis) or 'order' (axis values, highest metric first)");
            return (FindingShape.Order, []);
        }
        if (hasExpect)
        {
            var text = (expect as ScalarNode)?.Value.Trim();
            if (text is "decreasing" or "increasing" && alongConditions)
            {
                errors.Add(expect!, path + ".expect", "along conditions, list them in 'order' (highest metric first), e.g. order: [blur=0.3, blur=0.9]");
                return (FindingShape.Order, []);
            }
            if (text is "decreasing" or "increasing")
            {
                if (setting is not null && setting.Kind is not (SettingKind.Number or SettingKind.Integer))
                {
                    errors.Add(expect!, path + ".expect", $"'{text}' needs a numeric axis; {setting.Path} takes {setting.Allowed} (list the values in 'order' instead)");
                }
                return (text == "decreasing" ? FindingShape.Decreasing : FindingShape.Increasing, []);
            }
            errors.Add(expect!, path + ".expect", $"expected decreasing or increasing, got {expect!.Describe()}");
            return (FindingShape.Order, []);
        }
        if (order is not SequenceNode { Items.Count: >= 2 } list)
        {
            errors.Add(order!, path + ".order", $"expected a list of at least two axis values, highest metric first, got {order!.Describe()}");
            return (FindingShape.Order, []);
        }
        var values = list.Items.Select((item, i) => alongConditions
            ? ConditionValue(item, $"{path}.order[{i}]", errors)
            : Value(setting, item, $"{path}.order[{i}]", errors)).OfType<string>().ToList();
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            errors.Add(order, path + ".order", "a value appears more than once");
        }
        return (FindingShape.Order, values);
    }

    private static Dictionary<string, string> Where(Dictionary<string, SpecNode> fields, string path, ErrorSink errors)
    {
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!fields.TryGetValue("where", out var node))
        {
            return where;
        }
        if (node is not MappingNode mapping)
        {
            errors.Add(node, path + ".where", $"expected a mapping of axis paths to one value each, got {node.Describe()}");
            return where;
        }
        foreach (var (key, value) in MappingReader.Entries(mapping, path + ".where", errors))
        {
            var keyPath = $"{path}.where.{key.Value}";
            var setting = PlannerAxes.Contains(key.Value) ? null : SettingPaths.Resolve(key, keyPath, errors);
            if (setting is null && !PlannerAxes.Contains(key.Value))
            {
                continue;
            }
            // A null value (~) selects the trials that do not have the axis at all, e.g. ensemble.size: ~ for the
            // trainings of a study with ensembles.
            if (value is ScalarNode { IsNull: true })
            {
                where[setting?.Path ?? key.Value] = Finding.AxisAbsent;
            }
            else if (Value(setting, value, keyPath, errors) is { } text)
            {
                where[setting?.Path ?? key.Value] = text;
            }
        }
        return where;
    }

    private static string? ConditionValue(SpecNode node, string path, ErrorSink errors)
    {
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            errors.Add(node, path, $"expected an evaluation condition such as blur=0.5, got {node.Describe()}");
            return null;
        }
        var canonical = EvaluationGrammar.Canonical(scalar.Value, out var error);
        if (canonical is null)
        {
            errors.Add(node, path, error);
        }
        return canonical;
    }

    /// <summary>The canonical text of one axis value (checked against the setting when the axis is one).</summary>
    private static string? Value(Setting? setting, SpecNode node, string path, ErrorSink errors)
    {
        if (setting is not null)
        {
            return SettingReader.Read(setting, node, path, errors)?.Text;
        }
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return scalar.Value.Trim();
        }
        errors.Add(node, path, $"expected one value, got {node.Describe()}");
        return null;
    }
}
