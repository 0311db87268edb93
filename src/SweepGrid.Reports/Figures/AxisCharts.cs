namespace SweepGrid.Reports.Figures;

/// <summary>
/// A metric per value of one training axis that the numeric line charts of <see cref="ReportWriter"/> do not
/// cover: a categorical axis (dropout layout <c>none/inp/all</c>, activation, model kind) as grouped bars, in
/// the spec's order of values; a zipped axis as one axis labelled with both names (bars when its lead is
/// text, lines with each point's zipped label as a tick when numeric). One panel per condition family (clean
/// joins each as the reference) and per combination of the other varying axes; series = conditions, split
/// by <see cref="SeriesSplit"/>.
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
            var panels = Panels(ofMetric, trials, axis, others, kind, metric);
            var stem = ReportWriter.StudyDirectoryName($"{metric}-{(kind == PanelKind.Bar ? "by" : "vs")}-{string.Join("+", axis.Paths)}");
            yield return new NamedFigure(FigureKind.Axis, stem + ".svg", new Figure($"{metric} by {axis.Name}", panels));
        }
    }

    private static List<FigurePanel> Panels(List<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, FigureAxis axis, List<FigureAxis> others, PanelKind kind, string metric)
    {
        var conditions = rows.Select(r => r.Condition).Distinct(StringComparer.Ordinal).Order(ConditionOrder.Instance).ToList();
        var families = conditions.Select(ConditionStrength.FamilyOf).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (families.Count == 0)
        {
            families.Add("");
        }

        var categories = axis.Values.Select(axis.Label).ToList();
        IReadOnlyList<(double, string)>? ticks = kind == PanelKind.Line ? axis.Values.Select(v => (axis.Number(v), axis.Label(v))).ToList() : null;
        var yLabel = $"{metric} (mean ± std over seeds)";
        var panels = new List<FigurePanel>();
        var combinations = rows
            .GroupBy(r => ArmPanels.Key(others, trials[r.TrialId]), KeyComparer.Instance)
            .OrderBy(g => g.Key, KeyComparer.Instance);
        foreach (var combination in combinations)
        {
            var otherLabel = ArmPanels.Label(others, trials[combination.First().TrialId], "");
            foreach (var family in families)
            {
                var series = conditions
                    .Where(c => string.Equals(ConditionStrength.FamilyOf(c), family, StringComparison.Ordinal) || ConditionStrength.FamilyOf(c).Length == 0)
                    .Select(c => new ChartSeries(c, ArmPanels.Points(combination
                        .Where(r => string.Equals(r.Condition, c, StringComparison.Ordinal))
                        .Select(r => new ArmPanels.Sample(trials[r.TrialId], X(axis, trials[r.TrialId], kind), r.Value)))))
                    .Where(s => s.Points.Count > 0)
                    .ToList();
                var title = ArmPanels.Join(otherLabel, family);
                panels.AddRange(SeriesSplit.Chunk(title, series)
                    .Select(part => new FigurePanel(part.Title, kind, axis.Name, yLabel, part.Series, kind == PanelKind.Bar ? categories : [], ticks)));
            }
        }

        return panels;
    }

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
