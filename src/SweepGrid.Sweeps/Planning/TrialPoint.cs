using SweepGrid.Sweeps.Schema;
using SweepGrid.Sweeps.Spec;
using SweepGrid.Sweeps.Values;

namespace SweepGrid.Sweeps.Planning;

/// <summary>
/// One training configuration: every catalog setting resolved (default, then section, profile, axis
/// and member values, the later winning), the seed, and the axis values that led here.
/// </summary>
internal sealed class TrialPoint
{
    private readonly Dictionary<string, SettingValue?> _values;
    private readonly Dictionary<string, Assignment> _origins;

    private TrialPoint(Dictionary<string, SettingValue?> values, Dictionary<string, Assignment> origins, long seed, List<KeyValuePair<string, AxisValue>> axes)
    {
        _values = values;
        _origins = origins;
        Seed = seed;
        Axes = axes;
    }

    public long Seed { get; }

    /// <summary>Axis values in axis order (seed last once <see cref="WithSeed"/> was applied).</summary>
    public List<KeyValuePair<string, AxisValue>> Axes { get; }

    /// <summary>The catalog defaults overlaid with <paramref name="assignments"/>, in order.</summary>
    public static TrialPoint Create(IEnumerable<Assignment> assignments)
    {
        var values = SettingCatalog.All.ToDictionary(s => s.Path, s => s.Default, StringComparer.Ordinal);
        var point = new TrialPoint(values, new Dictionary<string, Assignment>(StringComparer.Ordinal), 0, []);
        return point.With(assignments, reportAsAxes: false);
    }

    /// <summary>A copy with <paramref name="assignments"/> applied; when reported, they join <see cref="Axes"/>.</summary>
    public TrialPoint With(IEnumerable<Assignment> assignments, bool reportAsAxes)
    {
        var copy = new TrialPoint(new(_values, StringComparer.Ordinal), new(_origins, StringComparer.Ordinal), Seed, [.. Axes]);
        foreach (var assignment in assignments)
        {
            copy._values[assignment.Path] = assignment.Value;
            copy._origins[assignment.Path] = assignment;
            if (reportAsAxes)
            {
                copy.Axes.RemoveAll(a => a.Key == assignment.Path);
                copy.Axes.Add(new(assignment.Path, new AxisValue(assignment.Value.Text, assignment.Value.Numeric)));
            }
        }
        return copy;
    }

    public TrialPoint WithSeed(long seed)
    {
        var copy = new TrialPoint(_values, _origins, seed, [.. Axes.Where(a => a.Key != "seed")]);
        copy.Axes.Add(new("seed", new AxisValue(seed.ToString(System.Globalization.CultureInfo.InvariantCulture), seed)));
        return copy;
    }

    public SettingValue? Value(string path) => _values[path];

    /// <summary>Where the value of <paramref name="path"/> was written, or null for a default.</summary>
    public Assignment? Origin(string path) => _origins.GetValueOrDefault(path);

    public string Text(string path) => _values[path]?.Text ?? "";

    public double Number(string path) => _values[path]?.Numeric ?? 0;

    public long Integer(string path) => ((IntegerValue)_values[path]!).Value;

    public bool Flag(string path) => ((BoolValue)_values[path]!).Value;

    /// <summary>
    /// The schedule's gamma: as given, else the kind's default (0.7 step, 0.98 exponential, 1e-4 inv),
    /// null for kind none. Resolving it here makes "kind: step" and "kind: step, gamma: 0.7" one trial.
    /// </summary>
    public SettingValue? Gamma => _values["training.schedule.gamma"] ?? Text("training.schedule.kind") switch
    {
        "step" => new NumberValue(0.7),
        "exponential" => new NumberValue(0.98),
        "inv" => new NumberValue(1e-4),
        _ => null,
    };

    /// <summary>The nested, sorted settings under one section (dataset, model or training).</summary>
    public SortedDictionary<string, object?> Section(string section)
    {
        var root = CanonicalJson.Object();
        foreach (var setting in SettingCatalog.All.Where(s => s.Path.StartsWith(section + ".", StringComparison.Ordinal)))
        {
            var segments = setting.Path.Split('.')[1..];
            var node = root;
            foreach (var segment in segments[..^1])
            {
                if (!node.TryGetValue(segment, out var child))
                {
                    node[segment] = child = CanonicalJson.Object();
                }
                node = (SortedDictionary<string, object?>)child!;
            }
            node[segments[^1]] = setting.Path == "training.schedule.gamma" ? Gamma : _values[setting.Path];
        }
        return root;
    }

    public TrialSettings ToSettings() => new(
        new DatasetSettings(Text("dataset.name"), Integer("dataset.train_limit"), Integer("dataset.test_limit"), Integer("dataset.validation")),
        new ModelSettings(Text("model.kind"), Number("model.temperature"), Integer("model.hidden_units"), Text("model.dropout"),
            Text("model.activation"), Text("model.ablation")),
        new TrainingSettings(
            Integer("training.epochs"),
            Integer("training.batch_size"),
            new OptimizerSettings(Text("training.optimizer.kind"), Number("training.optimizer.lr"), Number("training.optimizer.momentum"),
                Flag("training.optimizer.nesterov"), Number("training.optimizer.weight_decay")),
            new ScheduleSettings(Text("training.schedule.kind"), Integer("training.schedule.step_size"), Gamma?.Numeric),
            Number("training.mixup"),
            new AugmentationSettings(Number("training.augmentation.rotation"), Number("training.augmentation.translation"),
                Flag("training.augmentation.flip"), Number("training.augmentation.noise")),
            new AdversarialSettings(Number("training.adversarial.epsilon"), Number("training.adversarial.weight"),
                ((StagesValue)_values["training.adversarial.stages"]!).Stages),
            Seed));
}
