using System.Text;

namespace SweepGrid.Reports.Figures;

/// <summary>
/// The figures of a study beside its tables, in the same directory as <see cref="ReportWriter"/>'s files
/// (<c>&lt;outDir&gt;/&lt;study&gt;/</c>):
/// <list type="bullet">
/// <item><c>&lt;metric&gt;-vs-&lt;family&gt;.svg</c> — metric against condition strength, one series per training arm;</item>
/// <item><c>training-loss.svg</c>, <c>training-accuracy.svg</c>, <c>&lt;metric&gt;-per-epoch.svg</c> — per-epoch curves;</item>
/// <item><c>&lt;metric&gt;-by-&lt;axis&gt;.svg</c> (bars) and <c>&lt;metric&gt;-vs-&lt;a&gt;-&lt;b&gt;.svg</c> (a zipped numeric axis);</item>
/// <item><c>per-class.md</c>, <c>per-class.csv</c> — per-class tables; <c>figures.md</c> — every figure, in reading order.</item>
/// </list>
/// Each file is replaced atomically; bytes depend only on the arguments. See <c>docs/reports.md</c>.
/// </summary>
public static class FigureReport
{
    /// <summary>The figures, in <c>figures.md</c> order: strength curves, per-epoch curves, per-axis charts.</summary>
    /// <exception cref="ArgumentException">Two rows have the same trial, condition and metric (a duplicated result).</exception>
    public static IReadOnlyList<NamedFigure> Build(IReadOnlyList<ResultRow> rows, IReadOnlyList<TrialCurve> curves, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(curves);
        options ??= FigureOptions.Default;
        var (trials, axes) = Trials(rows, options);
        var figures = new List<NamedFigure>();
        foreach (var metric in options.CurveMetrics)
        {
            figures.AddRange(StrengthCurves.Build(rows, trials, axes, metric));
        }

        figures.AddRange(EpochCurves.Training(curves, trials, axes));
        foreach (var metric in options.CurveMetrics)
        {
            figures.AddRange(EpochCurves.Evaluation(rows, trials, axes, metric));
        }

        foreach (var metric in options.Metrics ?? MetricsOfInterest.Select(rows))
        {
            figures.AddRange(AxisCharts.Build(rows, trials, axes, metric));
        }

        return figures.Where(f => f.Figure.Panels.Count > 0).ToList();
    }

    /// <summary>The per-class tables as Markdown (empty when no row has a per-class metric) and as long-format CSV.</summary>
    public static (string Markdown, string Csv) PerClass(IReadOnlyList<ResultRow> rows, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= FigureOptions.Default;
        var (trials, axes) = Trials(rows, options);
        return PerClassTables.Render(rows, trials, axes, options.Decimals);
    }

    /// <summary>Writes the figures, the per-class tables and <c>figures.md</c> into the study's report directory.</summary>
    /// <param name="study">The study header; names the directory as <see cref="ReportWriter.StudyDirectoryName"/> does.</param>
    /// <param name="rows">All result rows of the study.</param>
    /// <param name="curves">The training curves of its trials (may be empty).</param>
    /// <param name="outDir">The parent of per-study report directories.</param>
    /// <param name="options">What to draw; null for the defaults.</param>
    public static ReportOutput Write(StudyInfo study, IEnumerable<ResultRow> rows, IReadOnlyList<TrialCurve> curves, string outDir, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        var all = rows.ToList();
        var figures = Build(all, curves, options);
        var (perClassMarkdown, perClassCsv) = PerClass(all, options);

        var target = new ReportDirectory(outDir, study.Name);
        var directory = target.Path;
        void Emit(string name, string text) => target.Emit(name, text);

        foreach (var figure in figures)
        {
            Emit(figure.File, SvgFigure.Render(figure.Figure));
        }

        if (perClassMarkdown.Length > 0)
        {
            Emit("per-class.md", perClassMarkdown);
            Emit("per-class.csv", perClassCsv);
        }

        Emit("figures.md", Index(study, figures, perClassMarkdown.Length > 0));
        return target.Output();
    }

    private static string Index(StudyInfo study, IReadOnlyList<NamedFigure> figures, bool perClass)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(study.Name).Append(" — figures\n\n");
        md.Append("Points are means over seeds with ± sample-std error bars; a chart holds at most ")
            .Append(SeriesSplit.MaxSeriesPerPanel).Append(" series (see docs/reports.md for the split rule). Tables: [summary.md](summary.md)")
            .Append(perClass ? ", [per-class.md](per-class.md)" : "").Append(".\n");
        if (figures.Count == 0)
        {
            md.Append("\nNo figures: no condition family with two strengths, no training curves, no categorical or zipped axis.\n");
        }

        (FigureKind Kind, string Heading)[] sections =
        [
            (FigureKind.Strength, "Metric against condition strength"),
            (FigureKind.Epochs, "Per-epoch curves"),
            (FigureKind.Axis, "Categorical and zipped axes"),
        ];
        foreach (var (kind, heading) in sections)
        {
            var ofKind = figures.Where(f => f.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            md.Append("\n## ").Append(heading).Append('\n');
            foreach (var figure in ofKind)
            {
                md.Append("\n![").Append(figure.Figure.Title).Append("](").Append(figure.File).Append(")\n");
            }
        }

        return md.ToString();
    }

    private static (IReadOnlyDictionary<string, StudyTrial> Trials, IReadOnlyList<FigureAxis> Axes) Trials(IReadOnlyList<ResultRow> rows, FigureOptions options)
    {
        // A duplicated result would be averaged in twice; refuse it as the pivots do.
        var seen = new HashSet<(string, string, string)>();
        foreach (var row in rows)
        {
            if (!seen.Add((row.TrialId, row.Condition, row.Metric)))
            {
                throw new ArgumentException(
                    $"trial {row.TrialId} has more than one {row.Metric} result under condition \"{row.Condition}\"; expected one row per (trial, condition, metric)",
                    nameof(rows));
            }
        }

        var trials = StudyTrial.Of(rows, options.IgnoredAxes);
        return (trials.ToDictionary(t => t.TrialId, StringComparer.Ordinal), FigureAxis.Of(trials));
    }
}
