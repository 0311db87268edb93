using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Values;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Schema;

/// <summary>Turns a YAML node into a checked <see cref="SettingValue"/>, or records why it cannot.</summary>
internal static class SettingReader
{
    private const string Seed001 = "seed001";

    /// <summary>Reads one value of <paramref name="setting"/>; null (with an error recorded) when invalid.</summary>
    public static SettingValue? Read(Setting setting, SpecNode node, string path, ErrorSink errors)
    {
        switch (setting.Kind)
        {
            case SettingKind.Number or SettingKind.Integer:
                if (node is ScalarNode { IsNull: false } number && Fraction.TryParse(number.Value, out var fraction))
                {
                    return FromFraction(setting, fraction, node, path, errors);
                }
                break;
            case SettingKind.Boolean:
                if (node is ScalarNode flag && (flag.Value.Equals("true", StringComparison.OrdinalIgnoreCase)
                    || flag.Value.Equals("false", StringComparison.OrdinalIgnoreCase)))
                {
                    return new BoolValue(flag.Value.Equals("true", StringComparison.OrdinalIgnoreCase));
                }
                break;
            case SettingKind.Choice:
                if (node is ScalarNode { IsNull: false } choice)
                {
                    var name = choice.Value.Trim().ToLowerInvariant();
                    if (setting.Choices.Contains(name))
                    {
                        return new TextValue(name);
                    }
                    var closest = Suggestions.Closest(name, setting.Choices);
                    errors.Add(node, path, $"expected {setting.Allowed}, got {node.Describe()}"
                        + (closest is null ? "" : $" (did you mean '{closest}'?)"));
                    return null;
                }
                break;
            case SettingKind.Dropout:
                return ReadDropout(setting, node, path, errors);
            case SettingKind.Stages:
                return ReadStages(setting, node, path, errors);
        }
        errors.Add(node, path, $"expected {setting.Allowed}, got {node.Describe()}");
        return null;
    }

    /// <summary>Checks an exact number against the setting's type and bounds.</summary>
    public static SettingValue? FromFraction(Setting setting, Fraction value, SpecNode node, string path, ErrorSink errors)
    {
        var text = node is ScalarNode scalar ? $"'{scalar.Value}'" : value.ToString();
        if (setting.Kind == SettingKind.Integer && (!value.IsInteger || value.Numerator < long.MinValue || value.Numerator > long.MaxValue))
        {
            errors.Add(node, path, $"expected {setting.Allowed}, got {text}");
            return null;
        }
        if (setting.Kind is not (SettingKind.Number or SettingKind.Integer) || !setting.InRange(value))
        {
            errors.Add(node, path, $"expected {setting.Allowed}, got {text}");
            return null;
        }
        return setting.Kind == SettingKind.Integer ? new IntegerValue((long)value.Numerator) : new NumberValue(value.ToDouble());
    }

    private static TextValue? ReadDropout(Setting setting, SpecNode node, string path, ErrorSink errors)
    {
        var parts = node switch
        {
            ScalarNode { IsNull: false } scalar when SettingCatalog.DropoutLayouts.ContainsKey(scalar.Value.Trim().ToLowerInvariant())
                => null,
            ScalarNode { IsNull: false } scalar => scalar.Value.Split(',').Select(p => p.Trim()).ToList(),
            SequenceNode sequence when sequence.Items.All(i => i is ScalarNode)
                => sequence.Items.Cast<ScalarNode>().Select(i => i.Value).ToList(),
            _ => [],
        };
        if (parts is null)
        {
            return new TextValue(((ScalarNode)node).Value.Trim().ToLowerInvariant());
        }
        var rates = new List<double>();
        foreach (var part in parts)
        {
            if (!Fraction.TryParse(part, out var rate) || rate.Sign < 0 || rate >= Fraction.One)
            {
                break;
            }
            rates.Add(rate.ToDouble());
        }
        if (parts.Count != 5 || rates.Count != 5)
        {
            var closest = node is ScalarNode s ? Suggestions.Closest(s.Value, setting.Choices) : null;
            errors.Add(node, path, $"expected {setting.Allowed}, got {node.Describe()}"
                + (closest is null ? "" : $" (did you mean '{closest}'?)"));
            return null;
        }
        // A layout spelled as rates is the same model as its name, so it gets the same identity.
        foreach (var (name, layout) in SettingCatalog.DropoutLayouts)
        {
            if (layout.SequenceEqual(rates))
            {
                return new TextValue(name);
            }
        }
        return new TextValue(string.Join(",", rates.Select(SettingValue.Format)));
    }

    private static StagesValue? ReadStages(Setting setting, SpecNode node, string path, ErrorSink errors)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            switch (scalar.Value.Trim().ToLowerInvariant())
            {
                case Seed001:
                    return new StagesValue(SettingCatalog.Seed001Stages);
                case "none":
                    return new StagesValue([]);
            }
        }
        if (node is not SequenceNode { Items.Count: > 0 } sequence)
        {
            errors.Add(node, path, $"expected {setting.Allowed}, got {node.Describe()}");
            return null;
        }
        var stages = new List<AdversarialStage>();
        var before = errors.Count;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (sequence.Items[i] is not MappingNode mapping)
            {
                errors.Add(sequence.Items[i], itemPath, $"expected {{epochs: n, weight: w}}, got {sequence.Items[i].Describe()}");
                continue;
            }
            var stage = ReadStage(mapping, itemPath, errors);
            if (stage is not null)
            {
                stages.Add(stage);
            }
        }
        return errors.Count == before ? new StagesValue(stages) : null;
    }

    private static AdversarialStage? ReadStage(MappingNode mapping, string path, ErrorSink errors)
    {
        var epochs = new Setting("epochs", SettingKind.Integer, null, "") { Min = Bound.AtLeast(1), Max = Bound.AtMost(10000) };
        var weight = new Setting("weight", SettingKind.Number, null, "") { Min = Bound.Above(0), Max = Bound.AtMost(1) };
        var fields = MappingReader.Fields(mapping, path, ["epochs", "weight"], errors);
        var e = fields.TryGetValue("epochs", out var epochsNode) ? Read(epochs, epochsNode, path + ".epochs", errors) : null;
        var w = fields.TryGetValue("weight", out var weightNode) ? Read(weight, weightNode, path + ".weight", errors) : null;
        if (epochsNode is null || weightNode is null)
        {
            errors.Add(mapping, path, "a stage needs both 'epochs' and 'weight'");
        }
        return e is IntegerValue ev && w is NumberValue wv ? new AdversarialStage(ev.Value, wv.Value) : null;
    }
}
