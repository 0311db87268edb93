using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SweepGrid.Reports.Figures;

/// <summary>
/// Per-class tables (seed 003 Figs. 8–9): for every per-class metric stem (<c>accuracy_class_c</c>,
/// <c>gradient_median_class_c</c>, <c>success_rate_class_c</c>) and every condition it was measured under,
/// rows = class c, columns = training arms (the varying axes, zipped axes as one), cells = mean ± std
/// over seeds. Markdown for reading, long-format CSV with full precision for re-plotting.
/// </summary>
internal static partial class PerClassTables
{
    private const string CsvHeader = "metric,condition,arm,class,n,mean,std,excluded";

    public static (string Markdown, string Csv) Render(IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, StudyTrial> trials, IReadOnlyList<FigureAxis> axes, int decimals)
    {
        var perClass = rows
            .Select(r => (Row: r, Match: PerClass().Match(r.Metric)))
            .Where(x => x.Match.Success)
            .Select(x => (x.Row, Stem: x.Match.Groups[1].Value, Class: int.Parse(x.Match.Groups[2].ValueSpan, CultureInfo.InvariantCulture)))
            .ToList();
        var md = new StringBuilder();
        var csv = new StringBuilder(CsvHeader).Append('\n');
        if (perClass.Count == 0)
        {
            return ("", csv.ToString());
        }

        var arms = perClass
            .Select(p => trials[p.Row.TrialId])
            .GroupBy(t => ArmPanels.Key(axes, t), KeyComparer.Instance)
            .OrderBy(g => g.Key, KeyComparer.Instance)
            .Select(g => (g.Key, Label: ArmPanels.Label(axes, g.First(), ArmPanels.AllTrials)))
            .ToList();
        md.Append("# Per-class results\n\nRows are true classes, columns training arms; each cell is the mean ± sample std over seeds (n seeds).\n");
        foreach (var stem in perClass.Select(p => p.Stem).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var ofStem = perClass.Where(p => string.Equals(p.Stem, stem, StringComparison.Ordinal)).ToList();
            foreach (var condition in ofStem.Select(p => p.Row.Condition).Distinct(StringComparer.Ordinal).Order(ConditionOrder.Instance))
            {
                var cells = ofStem.Where(p => string.Equals(p.Row.Condition, condition, StringComparison.Ordinal))
                    .GroupBy(p => (p.Class, Arm: arms.FindIndex(a => KeyComparer.Instance.Equals(a.Key, ArmPanels.Key(axes, trials[p.Row.TrialId])))))
                    .ToDictionary(g => g.Key, g => CellStatistics.Of(g.OrderBy(p => p.Row.Seed).ThenBy(p => p.Row.TrialId, StringComparer.Ordinal).Select(p => p.Row.Value)));
                var classes = cells.Keys.Select(k => k.Class).Distinct().Order().ToList();
                md.Append("\n## ").Append(stem).Append(" per class — ").Append(condition).Append("\n\n");
                md.Append("| class | ").AppendJoin(" | ", arms.Select(a => Escape(a.Label))).Append(" |\n");
                md.Append("| ---: |").Append(string.Concat(arms.Select(_ => " ---: |"))).Append('\n');
                foreach (var c in classes)
                {
                    md.Append("| ").Append(c.ToString(CultureInfo.InvariantCulture)).Append(" | ");
                    md.AppendJoin(" | ", arms.Select((_, a) => cells.TryGetValue((c, a), out var s) ? Cell(s, decimals) : "")).Append(" |\n");
                    for (var a = 0; a < arms.Count; a++)
                    {
                        if (cells.TryGetValue((c, a), out var s))
                        {
                            csv.AppendJoin(',', new[]
                            {
                                stem, condition, arms[a].Label, c.ToString(CultureInfo.InvariantCulture), s.N.ToString(CultureInfo.InvariantCulture),
                                ValueFormat.FormatRoundTrip(s.Mean), s.StandardDeviation is { } sd ? ValueFormat.FormatRoundTrip(sd) : "",
                                s.Excluded.ToString(CultureInfo.InvariantCulture),
                            }.Select(CsvRenderer.EscapeField)).Append('\n');
                        }
                    }
                }
            }
        }

        return (md.ToString(), csv.ToString());
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
}
