using System.Text;

namespace SweepGrid.Reports;

/// <summary>
/// Writes a study's paper-style report into <c>&lt;outDir&gt;/&lt;study&gt;/</c> (the command line passes
/// <c>reports</c>, giving <c>reports/&lt;study&gt;/</c>):
/// <list type="bullet">
/// <item><c>summary.md</c> — a table per metric of interest, the paired Δ table after each Δ metric, links to the charts;</item>
/// <item><c>accuracy.csv</c> — the accuracy pivot; <c>results.csv</c> — the raw long-format rows;</item>
/// <item><c>results.json</c> — every pivot (n, trial ids per cell) and the raw rows;</item>
/// <item><c>&lt;metric&gt;-vs-&lt;axis&gt;.svg</c> — one chart per numeric varying axis × metric of interest
/// (and <c>delta_&lt;metric&gt;-vs-&lt;axis&gt;.svg</c>); none when no axis is numeric.</item>
/// </list>
/// Each file is replaced atomically (temporary file + rename in the same directory), so a reader never
/// sees half a report file. Charts an earlier report wrote that this one no longer produces (an axis that
/// stopped varying) are removed when SVG is written, so the directory never mixes two reports' charts;
/// temporary files a killed writer left behind are removed once they are an hour old. Other files in the
/// directory are left alone. Output bytes depend only on the
/// arguments (not on row order, clock or culture), so rewriting an unchanged study is a no-op in content.
/// Stateless and thread-safe; concurrent writers to one directory leave the last writer's version of each file.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes the report; see the type's documentation for the file set.</summary>
    /// <param name="study">The study header; its name (made file-safe, see <see cref="StudyDirectoryName"/>) names the directory.</param>
    /// <param name="rows">All result rows of the study.</param>
    /// <param name="outDir">The parent directory of per-study report directories; created when missing.</param>
    /// <param name="formats">Which files to write (default all).</param>
    /// <param name="options">Metrics, decimals and pivot options; null for the defaults.</param>
    /// <param name="writtenAlongside">Files another writer has just written into the same directory (the figures of
    /// <see cref="Figures.FigureReport"/>): current, so the removal of stale charts keeps them.</param>
    /// <exception cref="ArgumentException">Two rows have the same trial, condition and metric.</exception>
    public static ReportOutput Write(
        StudyInfo study,
        IEnumerable<ResultRow> rows,
        string outDir,
        ReportFormats formats = ReportFormats.All,
        ReportOptions? options = null,
        IReadOnlyCollection<string>? writtenAlongside = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        options ??= ReportOptions.Default;
        var all = rows.ToList();
        var sections = Sections(all, options);

        var target = new ReportDirectory(outDir, study.Name);
        var directory = target.Path;
        void Emit(string name, string text) => target.Emit(name, text);

        var charts = formats.HasFlag(ReportFormats.Svg) ? Charts(sections) : [];
        foreach (var chart in charts)
        {
            Emit(chart.File, SvgLineChart.Render(chart.Data));
        }

        if (formats.HasFlag(ReportFormats.Csv))
        {
            Emit("accuracy.csv", CsvRenderer.RenderPivot(PivotBuilder.Build(all, PivotBuilder.DefaultMetric, options.Pivot)));
            Emit("results.csv", CsvRenderer.RenderResults(all));
        }

        if (formats.HasFlag(ReportFormats.Json))
        {
            Emit("results.json", JsonRenderer.Render(study, sections, all));
        }

        if (formats.HasFlag(ReportFormats.Markdown))
        {
            Emit("summary.md", Summary(study, all, sections, charts, options.Decimals));
        }

        if (formats.HasFlag(ReportFormats.Svg))
        {
            StaleFiles.RemoveCharts(directory, [.. target.Written, .. writtenAlongside ?? []]);
        }
        StaleFiles.RemoveAbandonedTemporaries(directory, TimeSpan.FromHours(1));
        return target.Output();
    }

    /// <summary>
    /// One report document as text, for callers that serve it rather than write it (the HTTP API):
    /// <see cref="ReportFormats.Markdown"/> is <c>summary.md</c> (without chart links),
    /// <see cref="ReportFormats.Csv"/> is <c>accuracy.csv</c>, <see cref="ReportFormats.Json"/> is <c>results.json</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not exactly one of those three.</exception>
    public static string Render(StudyInfo study, IEnumerable<ResultRow> rows, ReportFormats format, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        options ??= ReportOptions.Default;
        var all = rows.ToList();
        return format switch
        {
            ReportFormats.Markdown => Summary(study, all, Sections(all, options), [], options.Decimals),
            ReportFormats.Csv => CsvRenderer.RenderPivot(PivotBuilder.Build(all, PivotBuilder.DefaultMetric, options.Pivot)),
            ReportFormats.Json => JsonRenderer.Render(study, Sections(all, options), all),
            _ => throw new ArgumentException($"a rendered report is md, csv or json, not {format}", nameof(format)),
        };
    }

    /// <summary>
    /// The directory (and file-name) form of a name: every character other than ASCII letters, digits,
    /// '.', '_' and '-' becomes '-'; an empty result, "." or ".." becomes <c>study</c>.
    /// </summary>
    public static string StudyDirectoryName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-'));
        return safe is "" or "." or ".." ? "study" : safe;
    }

    /// <summary>The report's tables in document order: each metric, followed by its paired Δ where asked for.</summary>
    private static List<PivotTable> Sections(List<ResultRow> rows, ReportOptions options)
    {
        var sections = new List<PivotTable>();
        foreach (var metric in options.Metrics ?? MetricsOfInterest.Select(rows))
        {
            sections.Add(PivotBuilder.Build(rows, metric, options.Pivot));
            if (options.DeltaMetrics.Contains(metric, StringComparer.Ordinal)
                && PivotBuilder.BuildPairedDelta(rows, metric, options.Pivot) is { } delta)
            {
                sections.Add(delta);
            }
        }

        return sections;
    }

    private static List<Chart> Charts(List<PivotTable> sections) =>
        sections
            .SelectMany(table => table.RowAxes.Select(axis => (Table: table, Axis: axis, Data: LineChartData.FromPivot(table, axis))))
            .Where(c => c.Data is { Series.Count: > 0 })
            .Select(c => new Chart(c.Table, StudyDirectoryName($"{c.Table.Name}-vs-{c.Axis}") + ".svg", c.Data!))
            .ToList();

    private static string Summary(StudyInfo study, List<ResultRow> rows, List<PivotTable> sections, List<Chart> charts, int decimals)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(study.Name).Append("\n\n");
        if (study.Description.Length > 0)
        {
            md.Append(study.Description.TrimEnd()).Append("\n\n");
        }

        md.Append("- created: ").Append(study.Created.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (key, value) in study.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            md.Append("- ").Append(key).Append(": ").Append(value).Append('\n');
        }

        md.Append(Invariant($"- trials: {rows.Select(r => r.TrialId).Distinct(StringComparer.Ordinal).Count()}, seeds: {rows.Select(r => r.Seed).Distinct().Count()}, conditions: {rows.Select(r => r.Condition).Distinct(StringComparer.Ordinal).Count()}, result rows: {rows.Count}\n"));
        var nonFinite = rows.Count(r => !double.IsFinite(r.Value));
        if (nonFinite > 0)
        {
            md.Append(Invariant($"- non-finite values: {nonFinite} (NaN/∞, e.g. diverged trials; excluded from aggregates and counted per cell)\n"));
        }

        if (sections.Count == 0)
        {
            md.Append("\nNo results yet.\n");
        }

        md.Append(Findings.ChecksText.Markdown(
            Findings.FindingCheck.CheckAll(study.Checks, rows), Findings.UndertrainedModels.Find(rows, study.Checks.AccuracyFloor), decimals));

        foreach (var table in sections)
        {
            md.Append("\n## ").Append(table.Title).Append("\n\n");
            md.Append(MarkdownRenderer.Render(table, decimals));
            foreach (var chart in charts.Where(c => ReferenceEquals(c.Table, table)))
            {
                md.Append("\n![").Append(chart.Data.Title).Append("](").Append(chart.File).Append(")\n");
            }
        }

        return md.ToString();
    }

    /// <summary>A chart of one table against one axis and the file it goes to.</summary>
    private sealed record Chart(PivotTable Table, string File, LineChartData Data);

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
