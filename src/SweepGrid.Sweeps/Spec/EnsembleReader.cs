using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Values;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Spec;

/// <summary>
/// Reads <c>ensembles</c>: either a list of sizes (<c>[1, 3, 5]</c>) or a mapping with <c>sizes</c>,
/// optional heterogeneous <c>members</c> (override sets such as <c>{model.kind: m5}</c>) and an optional
/// <c>evaluation</c> list for the ensemble trials.
/// </summary>
internal static class EnsembleReader
{
    private const int MaxSize = 100;

    public static EnsembleSpec? Read(SpecNode node, ErrorSink errors)
    {
        const string path = "ensembles";
        var before = errors.Count;
        SpecNode? sizesNode = node is SequenceNode ? node : null;
        List<IReadOnlyList<Assignment>> members = [];
        List<EvaluationItem>? evaluations = null;
        if (node is MappingNode mapping)
        {
            var fields = MappingReader.Fields(mapping, path, ["sizes", "members", "evaluation"], errors);
            sizesNode = fields.GetValueOrDefault("sizes");
            if (fields.TryGetValue("members", out var membersNode))
            {
                members = ReadMembers(membersNode, errors);
            }
            if (fields.TryGetValue("evaluation", out var evaluationNode))
            {
                evaluations = EvaluationReader.Read(evaluationNode, "ensembles.evaluation", errors);
                foreach (var perEpoch in evaluations.Where(e => e.Entry.StartsWith("epochs:", StringComparison.Ordinal)))
                {
                    errors.Add(perEpoch.Origin, perEpoch.OriginPath, $"'{perEpoch.Entry}': an ensemble has no training epochs; per-epoch entries belong to the members' evaluation");
                }
            }
        }
        else if (node is not SequenceNode)
        {
            errors.Add(node, path, $"expected a list of sizes or a mapping {{sizes, members, evaluation}}, got {node.Describe()}");
            return null;
        }
        var sizes = sizesNode is null ? [] : ReadSizes(sizesNode, sizesNode == node ? path : "ensembles.sizes", errors);
        if (sizesNode is null && members.Count == 0)
        {
            errors.Add(node, path, "give 'sizes', 'members' or both");
        }
        if (sizesNode is null && members.Count > 0)
        {
            sizes = [(members.Count, node, path)];
        }
        return errors.Count == before ? new EnsembleSpec(sizes, members, evaluations, node) : null;
    }

    private static List<(int, SpecNode, string)> ReadSizes(SpecNode node, string path, ErrorSink errors)
    {
        var sizes = new List<(int, SpecNode, string)>();
        if (node is not SequenceNode { Items.Count: > 0 } sequence)
        {
            errors.Add(node, path, $"expected a list of ensemble sizes such as [1, 3, 5], got {node.Describe()}");
            return sizes;
        }
        var size = new Setting("size", SettingKind.Integer, null, "") { Min = Bound.AtLeast(1), Max = Bound.AtMost(MaxSize) };
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (SettingReader.Read(size, sequence.Items[i], itemPath, errors) is IntegerValue value)
            {
                if (sizes.Any(s => s.Item1 == value.Value))
                {
                    errors.Add(sequence.Items[i], itemPath, $"the size {value.Value} appears more than once");
                    continue;
                }
                sizes.Add(((int)value.Value, sequence.Items[i], itemPath));
            }
        }
        return sizes;
    }

    private static List<IReadOnlyList<Assignment>> ReadMembers(SpecNode node, ErrorSink errors)
    {
        var members = new List<IReadOnlyList<Assignment>>();
        if (node is not SequenceNode { Items.Count: > 0 } sequence)
        {
            errors.Add(node, "ensembles.members", $"expected a list of member overrides such as [{{model.kind: m3}}, {{model.kind: m5}}], got {node.Describe()}");
            return members;
        }
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var memberPath = $"ensembles.members[{i}]";
            if (sequence.Items[i] is not MappingNode member)
            {
                errors.Add(sequence.Items[i], memberPath, $"expected a mapping of setting paths to values, got {sequence.Items[i].Describe()}");
                continue;
            }
            var overrides = SettingPaths.ReadOverrides(member, memberPath, errors);
            foreach (var dataset in overrides.Where(o => o.Path.StartsWith("dataset.", StringComparison.Ordinal)))
            {
                // Members are evaluated together on one test set, so they must share the data.
                errors.Add(dataset.Origin, dataset.OriginPath, "ensemble members share the dataset; only model and training settings may differ");
            }
            members.Add(overrides);
        }
        return members;
    }
}
