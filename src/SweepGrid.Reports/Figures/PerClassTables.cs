using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SweepGrid.Reports.Figures;

/// <summary>
/// Per-class tables (seed 003 Figs. 8–9): for every per-class metric stem (<c>accuracy_class_c</c>,
/// <c>gradient_median_class_c</c>, <c>success_rate_class_c</c>) and every condition it was measured under,
/// rows = class c, columns = training arms (the varying axes, zipped axes as one), cells = mean ± std
/// over seeds; more than eight arms are split into several tables by <see cref="SeriesSplit"/>'s rule.
/// Markdown for reading, long-format CSV with full precision for re-plotting.
/// </summary>
internal static partial class PerClassTables
{
    private const string CsvHeader = "metric,condition,arm,class,n,mean,std,excluded";

    public static (string Markdown, string Csv) Render(IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, IReadOnlyList<FigureAxis> axes, int decimals)
    {
        var perClass = rows
            .Select(r => (Row: r, Match: PerClass().Match(r.Metric)))
            .Where(x => x.Match.Success && !EpochCondition.TryParse(x.Row.Condition, out _, out _))
            .Select(x => new Sample(x.Row, x.Match.Groups[1].Value, int.Parse(x.Match.Groups[2].ValueSpan, CultureInfo.InvariantCulture)))
            .ToList();
        var md = new StringBuilder();
        var csv = new StringBuilder(CsvHeader).Append('\n');
        if (perClass.Count == 0)
        {
            return ("", csv.ToString());
        }

        // Columns follow the figures' split rule: at most eight arms side by side, the rest in further tables.
        var (tableAxes, columnAxes) = SeriesSplit.ChooseAxes(axes);
        var corner = columnAxes.Count == 1 ? $"class \\ {columnAxes[0].Name}" : "class";
        md.Append("# Per-class results\n\nRows are true classes, columns training arms; each cell is the mean ± sample std over seeds (n seeds).\n");
        foreach (var stem in perClass.GroupBy(p => p.Stem, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var condition in stem.GroupBy(p => p.Row.Condition, StringComparer.Ordinal).OrderBy(g => g.Key, ConditionOrder.Instance))
            {
                foreach (var table in condition.GroupBy(p => ArmPanels.Key(tableAxes, trials[p.Row.TrialId]), KeyComparer.Instance).OrderBy(g => g.Key, KeyComparer.Instance))
                {
                    var columns = Columns(table, trials, axes, columnAxes);
                    var heading = ArmPanels.Join(condition.Key, ArmPanels.Label(tableAxes, trials[table.First().Row.TrialId], ""));
                    var parts = SeriesSplit.Parts(columns);
                    for (var part = 0; part < parts.Count; part++)
                    {
                        var title = parts.Count > 1 ? SeriesSplit.PartTitle(heading, part, parts.Count) : heading;
                        md.Append("\n## ").Append(stem.Key).Append(" per class — ").Append(title).Append("\n\n");
                        AppendTable(md, corner, parts[part], decimals);
                    }

                    AppendCsv(csv, stem.Key, condition.Key, columns);
                }
            }
        }

        return (md.ToString(), csv.ToString());
    }

    private static List<Column> Columns(IEnumerable<Sample> samples, IReadOnlyDictionary<string, StudyTrial> trials, IReadOnlyList<FigureAxis> axes, IReadOnlyList<FigureAxis> columnAxes) =>
        samples
            .GroupBy(p => ArmPanels.Key(columnAxes, trials[p.Row.TrialId]), KeyComparer.Instance)
            .OrderBy(g => g.Key, KeyComparer.Instance)
            .Select(g =>
            {
                var trial = trials[g.First().Row.TrialId];
                var label = columnAxes.Count == 1 ? columnAxes[0].Label(columnAxes[0].KeyOf(trial)) : ArmPanels.Label(columnAxes, trial, ArmPanels.AllTrials);
                var cells = g.GroupBy(p => p.Class).ToDictionary(
                    c => c.Key,
                    c => CellStatistics.Of(c.OrderBy(p => p.Row.Seed).ThenBy(p => p.Row.TrialId, StringComparer.Ordinal).Select(p => p.Row.Value)));
                return new Column(label, ArmPanels.Label(axes, trial, ArmPanels.AllTrials), cells);
            })
            .ToList();

    private static void AppendTable(StringBuilder md, string corner, IReadOnlyList<Column> columns, int decimals)
    {
        md.Append("| ").Append(Escape(corner)).Append(" | ").AppendJoin(" | ", columns.Select(c => Escape(c.Label))).Append(" |\n");
        md.Append("| ---: |").Append(string.Concat(columns.Select(_ => " ---: |"))).Append('\n');
        foreach (var c in columns.SelectMany(col => col.Cells.Keys).Distinct().Order())
        {
            md.Append("| ").Append(c.ToString(CultureInfo.InvariantCulture)).Append(" | ");
            md.AppendJoin(" | ", columns.Select(col => col.Cells.TryGetValue(c, out var cell) ? Cell(cell, decimals) : "")).Append(" |\n");
        }
    }

    private static void AppendCsv(StringBuilder csv, string stem, string condition, IReadOnlyList<Column> columns)
    {
        foreach (var c in columns.SelectMany(col => col.Cells.Keys).Distinct().Order())
        {
            foreach (var column in columns.Where(col => col.Cells.ContainsKey(c)))
            {
                var cell = column.Cells[c];
                csv.AppendJoin(',', new[]
                {
                    stem, condition, column.Arm, c.ToString(CultureInfo.InvariantCulture), cell.N.ToString(CultureInfo.InvariantCulture),
                    ValueFormat.FormatRoundTrip(cell.Mean), cell.StandardDeviation is { } sd ? ValueFormat.FormatRoundTrip(sd) : "",
                    cell.Excluded.ToString(CultureInfo.InvariantCulture),
                }.Select(CsvRenderer.EscapeField)).Append('\n');
            }
        }
    }

    private static string Cell(CellStatistics s, int decimals)
    {
        if (s.N == 0)
        {
            return s.Excluded > 0 ? $"NaN ({s.Excluded.ToString(CultureInfo.InvariantCulture)} excluded)" : "";
        }

        var spread = s.StandardDeviation is { } sd ? " ± " + ValueFormat.FormatMeasurement(sd, decimals) : "";
        return $"{ValueFormat.FormatMeasurement(s.Mean, decimals)}{spread} ({s.N.ToString(CultureInfo.InvariantCulture)})";
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    [GeneratedRegex(@"^(.+)_class_(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PerClass();

    private sealed record Sample(ResultRow Row, string Stem, int Class);

    /// <summary>One column of a per-class table: its header, the full arm label (for the CSV) and the cell per class.</summary>
    private sealed record Column(string Label, string Arm, Dictionary<int, CellStatistics> Cells);
}
