namespace SweepGrid.Reports.Figures;

/// <summary>
/// A metric per value of one training axis that the numeric line charts of <see cref="ReportWriter"/> do not
/// cover: a categorical axis (dropout layout <c>none/inp/all</c>, activation, model kind) as grouped bars, in
/// the spec's order of values; a zipped axis as one axis labelled with both names (bars when its lead is
/// text, lines with each point's zipped label as a tick when numeric). Of two layouts, the one with fewer
/// panels is drawn (ties: the first):
/// <list type="number">
/// <item>series = conditions (all in one panel when they fit, else one panel per condition family with clean as
/// its reference), one panel per combination of the other varying axes;</item>
/// <item>series = the other axes' arms (split by <see cref="SeriesSplit"/>), one panel per condition.</item>
/// </list>
/// Every panel is cut by <see cref="SeriesSplit.Chunk"/> if it still holds too many series.
/// </summary>
internal static class AxisCharts
{
    public static IEnumerable<NamedFigure> Build(IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, IReadOnlyList<FigureAxis> axes, string metric)
    {
        var ofMetric = rows
            .Where(r => string.Equals(r.Metric, metric, StringComparison.Ordinal) && !EpochCondition.TryParse(r.Condition, out _, out _))
            .ToList();
        if (ofMetric.Count == 0)
        {
            yield break;
        }

        foreach (var axis in axes.Where(a => !a.IsNumeric || a.IsZipped))
        {
            var others = axes.Where(a => !ReferenceEquals(a, axis)).ToList();
            var kind = axis.IsNumeric ? PanelKind.Line : PanelKind.Bar;
            var byConditions = ConditionsAsSeries(ofMetric, trials, axis, others, kind, metric);
            var byArms = others.Count > 0 ? ArmsAsSeries(ofMetric, trials, axis, others, kind, metric) : null;
            var panels = byArms is not null && byArms.Count < byConditions.Count ? byArms : byConditions;
            var stem = ReportWriter.StudyDirectoryName($"{metric}-{(kind == PanelKind.Bar ? "by" : "vs")}-{string.Join("+", axis.Paths)}");
            yield return new NamedFigure(FigureKind.Axis, stem + ".svg", new Figure($"{metric} by {axis.Name}", panels));
        }
    }

    private static List<FigurePanel> ConditionsAsSeries(List<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, FigureAxis axis, List<FigureAxis> others, PanelKind kind, string metric)
    {
        var conditions = rows.Select(r => r.Condition).Distinct(StringComparer.Ordinal).Order(ConditionOrder.Instance).ToList();
        IReadOnlyList<string> families = conditions.Count <= SeriesSplit.MaxSeriesPerPanel ? [""] : ConditionStrength.Families(conditions);
        var panels = new List<FigurePanel>();
        foreach (var combination in Combinations(rows, trials, others))
        {
            var otherLabel = ArmPanels.Label(others, trials[combination.First().TrialId], "");
            foreach (var family in families)
            {
                var series = conditions
                    .Where(c => ConditionStrength.Belongs(c, family))
                    .Select(c => new ChartSeries(c, Points(combination.Where(r => string.Equals(r.Condition, c, StringComparison.Ordinal)), trials, axis, kind)))
                    .Where(s => s.Points.Count > 0)
                    .ToList();
                panels.AddRange(Parts(ArmPanels.Join(otherLabel, family), series, axis, kind, metric, ""));
            }
        }

        return panels;
    }

    private static List<FigurePanel> ArmsAsSeries(List<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, FigureAxis axis, List<FigureAxis> others, PanelKind kind, string metric)
    {
        var (panelAxes, seriesAxes) = SeriesSplit.ChooseAxes(others);
        var legendTitle = seriesAxes.Count == 1 ? seriesAxes[0].Name : "";
        var panels = new List<FigurePanel>();
        foreach (var condition in rows.GroupBy(r => r.Condition, StringComparer.Ordinal).OrderBy(g => g.Key, ConditionOrder.Instance))
        {
            foreach (var panel in Combinations(condition, trials, panelAxes))
            {
                var series = Combinations(panel, trials, seriesAxes)
                    .Select(g =>
                    {
                        var trial = trials[g.First().TrialId];
                        var label = seriesAxes.Count == 1 ? seriesAxes[0].Label(seriesAxes[0].KeyOf(trial)) : ArmPanels.Label(seriesAxes, trial, ArmPanels.AllTrials);
                        return new ChartSeries(label, Points(g, trials, axis, kind));
                    })
                    .Where(s => s.Points.Count > 0)
                    .ToList();
                var title = ArmPanels.Join(condition.Key, ArmPanels.Label(panelAxes, trials[panel.First().TrialId], ""));
                panels.AddRange(Parts(title, series, axis, kind, metric, legendTitle));
            }
        }

        return panels;
    }

    private static IEnumerable<FigurePanel> Parts(string title, List<ChartSeries> series, FigureAxis axis, PanelKind kind, string metric, string legendTitle)
    {
        IReadOnlyList<string> categories = kind == PanelKind.Bar ? axis.Values.Select(axis.Label).ToList() : [];
        IReadOnlyList<(double, string)>? ticks = kind == PanelKind.Line ? axis.Values.Select(v => (axis.Number(v), axis.Label(v))).ToList() : null;
        return SeriesSplit.Chunk(title, series)
            .Select(part => new FigurePanel(part.Title, kind, axis.Name, $"{metric} (mean ± std)", part.Series, categories, ticks, legendTitle));
    }

    private static IEnumerable<IGrouping<IReadOnlyList<int>, ResultRow>> Combinations(IEnumerable<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, IReadOnlyList<FigureAxis> axes) =>
        rows.GroupBy(r => ArmPanels.Key(axes, trials[r.TrialId]), KeyComparer.Instance).OrderBy(g => g.Key, KeyComparer.Instance);

    private static IReadOnlyList<ChartPoint> Points(IEnumerable<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, FigureAxis axis, PanelKind kind) =>
        ArmPanels.Points(rows.Select(r => new ArmPanels.Sample(trials[r.TrialId], X(axis, trials[r.TrialId], kind), r.Value)));

    private static double X(FigureAxis axis, StudyTrial trial, PanelKind kind)
    {
        var key = axis.KeyOf(trial);
        if (kind == PanelKind.Line)
        {
            return axis.Number(key);
        }

        for (var i = 0; i < axis.Values.Count; i++)
        {
            if (string.Equals(axis.Values[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
