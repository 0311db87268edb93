namespace SweepGrid.Reports.Figures;

/// <summary>
/// Builds line panels with one series per training arm (the combination of the varying training axes,
/// zipped axes as one), split by <see cref="SeriesSplit"/>: each point is the mean ± sample std over the
/// seeds of one arm at one x.
/// </summary>
internal static class ArmPanels
{
    /// <summary>The legend text of the only series when the study has no varying axis.</summary>
    public const string AllTrials = "all trials";

    /// <summary>One (trial, x, y) observation.</summary>
    public readonly record struct Sample(StudyTrial Trial, double X, double Y);

    public static IReadOnlyList<FigurePanel> Lines(
        IReadOnlyList<FigureAxis> armAxes,
        IEnumerable<Sample> samples,
        string titlePrefix,
        string xLabel,
        string yLabel,
        IReadOnlyList<(double Value, string Label)>? xTicks = null,
        bool logXAllowed = true)
    {
        var (panelAxes, seriesAxes) = SeriesSplit.ChooseAxes(armAxes);
        var byPanel = samples
            .GroupBy(s => Key(panelAxes, s.Trial), KeyComparer.Instance)
            .OrderBy(g => g.Key, KeyComparer.Instance);
        var panels = new List<FigurePanel>();
        foreach (var panel in byPanel)
        {
            var series = panel
                .GroupBy(s => Key(seriesAxes, s.Trial), KeyComparer.Instance)
                .OrderBy(g => g.Key, KeyComparer.Instance)
                .Select(g => new ChartSeries(seriesAxes.Count == 1 ? seriesAxes[0].Label(seriesAxes[0].KeyOf(g.First().Trial)) : Label(seriesAxes, g.First().Trial, AllTrials), Points(g)))
                .Where(s => s.Points.Count > 0)
                .ToList();
            var title = Join(titlePrefix, Label(panelAxes, panel.First().Trial, ""));
            panels.AddRange(SeriesSplit.Chunk(title, series)
                .Select(part => new FigurePanel(part.Title, PanelKind.Line, xLabel, yLabel, part.Series, [], xTicks, seriesAxes.Count == 1 ? seriesAxes[0].Name : "", logXAllowed)));
        }

        return panels;
    }

    /// <summary>Points in increasing x: per x, mean ± std of the finite values (taken in seed order); empty cells skipped.</summary>
    public static IReadOnlyList<ChartPoint> Points(IEnumerable<Sample> samples) =>
        samples.GroupBy(s => s.X)
            .OrderBy(g => g.Key)
            .Select(g => (X: g.Key, Cell: CellStatistics.Of(g.OrderBy(s => s.Trial.Seed).ThenBy(s => s.Trial.TrialId, StringComparer.Ordinal).Select(s => s.Y))))
            .Where(c => c.Cell.N > 0)
            .Select(c => new ChartPoint(c.X, c.Cell.Mean, c.Cell.StandardDeviation, c.Cell.N))
            .ToList();

    /// <summary><c>path=value, path=value</c> for <paramref name="axes"/>; <paramref name="empty"/> when there are none.</summary>
    public static string Label(IReadOnlyList<FigureAxis> axes, StudyTrial trial, string empty) =>
        axes.Count == 0 ? empty : string.Join(", ", axes.Select(a => $"{a.Name}={a.Label(a.KeyOf(trial))}"));

    /// <summary>The trial's position along each axis (index of its value), which orders panels and series as the axes do.</summary>
    public static IReadOnlyList<int> Key(IReadOnlyList<FigureAxis> axes, StudyTrial trial) =>
        axes.Select(a => IndexOf(a.Values, a.KeyOf(trial))).ToList();

    public static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a} · {b}";

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
