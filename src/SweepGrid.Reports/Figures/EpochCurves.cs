namespace SweepGrid.Reports.Figures;

/// <summary>
/// Per-epoch figures (seed 003 Figs. 4–6): training loss and training accuracy from each trial's stored
/// curve, and any metric evaluated after each epoch (conditions <c>epoch&lt;k&gt;:&lt;condition&gt;</c>, see
/// <see cref="EpochCondition"/>), x = epoch, one series per training arm, mean ± std over seeds.
/// </summary>
internal static class EpochCurves
{
    private const string EpochLabel = "epoch";

    public static IEnumerable<NamedFigure> Training(IReadOnlyList<TrialCurve> curves, IReadOnlyDictionary<string, StudyTrial> trials, IReadOnlyList<FigureAxis> axes)
    {
        // A curve without result rows (a trial that failed after training) has no axes to place it by.
        var known = curves.Where(c => trials.ContainsKey(c.TrialId)).ToList();
        if (known.Count == 0 || known.All(c => c.Epochs.Count == 0))
        {
            yield break;
        }

        (string File, string Name, Func<EpochPoint, double> Value)[] measures =
        [
            ("training-loss.svg", "training loss", e => e.Loss),
            ("training-accuracy.svg", "training accuracy", e => e.TrainAccuracy),
        ];
        foreach (var (file, name, value) in measures)
        {
            var samples = known.SelectMany(c => c.Epochs.Select(e => new ArmPanels.Sample(trials[c.TrialId], e.Epoch, value(e))));
            var panels = ArmPanels.Lines(axes, samples, "", EpochLabel, $"{name} (mean ± std)", logXAllowed: false);
            yield return new NamedFigure(FigureKind.Epochs, file, new Figure($"{name} per epoch", panels));
        }
    }

    public static IEnumerable<NamedFigure> Evaluation(IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, IReadOnlyList<FigureAxis> axes, string metric)
    {
        var samples = rows
            .Where(r => string.Equals(r.Metric, metric, StringComparison.Ordinal))
            .Select(r => EpochCondition.TryParse(r.Condition, out var epoch, out var condition) ? (Row: r, Epoch: epoch, Condition: condition) : default)
            .Where(s => s.Row is not null)
            .ToList();
        if (samples.Count == 0)
        {
            yield break;
        }

        var panels = samples
            .GroupBy(s => s.Condition, StringComparer.Ordinal)
            .OrderBy(g => g.Key, ConditionOrder.Instance)
            .SelectMany(g => ArmPanels.Lines(axes, g.Select(s => new ArmPanels.Sample(trials[s.Row.TrialId], s.Epoch, s.Row.Value)), g.Key, EpochLabel, $"{metric} (mean ± std)", logXAllowed: false)
                .Select(p => p with { ScaleGroup = ConditionStrength.FamilyOf(g.Key) }))
            .ToList();
        yield return new NamedFigure(FigureKind.Epochs, ReportWriter.StudyDirectoryName($"{metric}-per-epoch") + ".svg", new Figure($"{metric} after each epoch", panels));
    }
}
