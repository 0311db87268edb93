namespace SweepGrid.Reports.Figures;

/// <summary>
/// Metric-vs-strength figures (seed 004's error vs distortion and vs ε, seed 003's accuracy vs ε): for each
/// condition family with at least two strengths, x = the strength (clean as strength 0, or 1 for a brightness
/// factor), y = the metric's mean ± std over seeds, one series per training arm, split by <see cref="SeriesSplit"/>.
/// </summary>
internal static class StrengthCurves
{
    public static IEnumerable<NamedFigure> Build(IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, IReadOnlyList<FigureAxis> axes, string metric)
    {
        var ofMetric = rows.Where(r => string.Equals(r.Metric, metric, StringComparison.Ordinal)).ToList();
        var families = ofMetric
            .Select(r => r.Condition).Distinct(StringComparer.Ordinal).Order(ConditionOrder.Instance)
            .Select(c => ConditionStrength.TryParse(c, out var family, out _) ? family : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var family in families)
        {
            var start = ConditionStrength.Start(family);
            var samples = new List<ArmPanels.Sample>();
            foreach (var row in ofMetric)
            {
                if (ConditionStrength.TryParse(row.Condition, out var f, out var strength) && string.Equals(f, family, StringComparison.Ordinal))
                {
                    samples.Add(new ArmPanels.Sample(trials[row.TrialId], strength, row.Value));
                }
                else if (start is { } s && string.Equals(row.Condition, s.Condition, StringComparison.Ordinal))
                {
                    samples.Add(new ArmPanels.Sample(trials[row.TrialId], s.Strength, row.Value));
                }
            }

            if (samples.Select(s => s.X).Distinct().Count() < 2)
            {
                continue;
            }

            var xLabel = ConditionStrength.AxisLabel(family);
            var panels = ArmPanels.Lines(axes, samples, "", xLabel, $"{metric} (mean ± std)");
            var title = $"{metric} vs {xLabel}" + (start is { } c ? $" — {c.Condition} at {ValueFormat.FormatShortest(c.Strength)}" : "");
            yield return new NamedFigure(FigureKind.Strength, ReportWriter.StudyDirectoryName($"{metric}-vs-{family}") + ".svg", new Figure(title, panels));
        }
    }
}
