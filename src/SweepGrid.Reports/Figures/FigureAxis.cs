namespace SweepGrid.Reports.Figures;

/// <summary>
/// One axis of a study as charts show it: a single training-axis path, or a zipped group of paths that
/// move together (each other path's value is determined by the lead path's value, as a spec's <c>zip</c>
/// gives), shown as one axis named <c>a / b</c> with values <c>v / w</c>. Values are in report order: numeric
/// when the lead path is numeric, else the spec's submission order (see <see cref="AxisValues"/>).
/// </summary>
internal sealed class FigureAxis
{
    private readonly IReadOnlyList<AxisValues> components;
    private readonly Dictionary<string, IReadOnlyList<string>> zipped;

    private FigureAxis(AxisValues lead, IReadOnlyList<AxisValues> components, IReadOnlyList<StudyTrial> trials)
    {
        Lead = lead;
        this.components = components;
        zipped = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var trial in trials)
        {
            zipped.TryAdd(trial.ValueOf(lead.Path), components.Select(c => trial.ValueOf(c.Path)).ToList());
        }

        Values = lead.Values;
    }

    public AxisValues Lead { get; }

    /// <summary>The paths shown, in ordinal order.</summary>
    public IReadOnlyList<string> Paths => components.Select(c => c.Path).ToList();

    /// <summary>The axis name: the path, or the zipped paths joined by <c> / </c>.</summary>
    public string Name => string.Join(" / ", Paths);

    public bool IsZipped => components.Count > 1;

    public bool IsNumeric => Lead.IsNumeric;

    /// <summary>The keys (lead path values) in report order.</summary>
    public IReadOnlyList<string> Values { get; }

    public string KeyOf(StudyTrial trial) => trial.ValueOf(Lead.Path);

    public double Number(string key) => Lead.Number(key);

    /// <summary>The printed value: each component's label joined by <c> / </c>.</summary>
    public string Label(string key) =>
        string.Join(" / ", components.Select((c, i) => c.Label(zipped.TryGetValue(key, out var values) ? values[i] : "")));

    /// <summary>
    /// The varying axes of <paramref name="trials"/>, zipped paths merged: paths are taken by decreasing
    /// count of distinct values (then ordinal path order); a path whose value is a function of an
    /// earlier lead's value joins that lead's axis. The result is in ordinal order of the lead paths.
    /// </summary>
    public static IReadOnlyList<FigureAxis> Of(IReadOnlyList<StudyTrial> trials)
    {
        var ordinals = trials.Select(t => (t.Axes, t.Ordinal)).ToList();
        var varying = trials.SelectMany(t => t.Axes.Keys).Distinct(StringComparer.Ordinal)
            .Select(p => new AxisValues(p, trials.Select(t => t.ValueOf(p)), AxisValues.FirstOrdinals(ordinals, p)))
            .Where(a => a.Values.Count > 1)
            .OrderByDescending(a => a.Values.Count).ThenBy(a => a.Path, StringComparer.Ordinal)
            .ToList();
        var groups = new List<(AxisValues Lead, List<AxisValues> Members)>();
        foreach (var axis in varying)
        {
            var group = groups.FindIndex(g => Determines(trials, g.Lead.Path, axis.Path));
            if (group >= 0)
            {
                groups[group].Members.Add(axis);
            }
            else
            {
                groups.Add((axis, [axis]));
            }
        }

        return groups
            .OrderBy(g => g.Lead.Path, StringComparer.Ordinal)
            .Select(g => new FigureAxis(g.Lead, g.Members.OrderBy(m => m.Path, StringComparer.Ordinal).ToList(), trials))
            .ToList();
    }

    /// <summary>True when every trial with the same value of <paramref name="lead"/> has the same value of <paramref name="other"/>.</summary>
    private static bool Determines(IReadOnlyList<StudyTrial> trials, string lead, string other)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var trial in trials)
        {
            var value = trial.ValueOf(other);
            if (seen.TryGetValue(trial.ValueOf(lead), out var earlier))
            {
                if (!string.Equals(earlier, value, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            else
            {
                seen.Add(trial.ValueOf(lead), value);
            }
        }

        return true;
    }
}
