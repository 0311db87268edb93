namespace SweepGrid.Reports.Figures;

/// <summary>One trained model of a study as figures see it: its training axes (ignored axes removed), seed and submission ordinal.</summary>
internal sealed record StudyTrial(string TrialId, ulong Seed, long Ordinal, IReadOnlyDictionary<string, string> Axes)
{
    /// <summary>The distinct trials of <paramref name="rows"/>, by trial id (the first row of a trial gives its axes).</summary>
    public static IReadOnlyList<StudyTrial> Of(IEnumerable<ResultRow> rows, IReadOnlySet<string> ignoredAxes)
    {
        var trials = new Dictionary<string, StudyTrial>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!trials.ContainsKey(row.TrialId))
            {
                var axes = row.Axes.Where(a => !ignoredAxes.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
                trials.Add(row.TrialId, new StudyTrial(row.TrialId, row.Seed, row.TrialOrdinal, axes));
            }
        }

        return trials.Values.OrderBy(t => t.Seed).ThenBy(t => t.TrialId, StringComparer.Ordinal).ToList();
    }

    public string ValueOf(string path) => Axes.TryGetValue(path, out var value) ? value : "";
}
