using System.Globalization;
using System.Text;

namespace SweepGrid.Reports;

/// <summary>
/// Comma-separated outputs for spreadsheets and data frames (RFC 4180 quoting; <c>\n</c> line ends; a
/// header line; numbers in invariant culture at full round-trip precision, <c>NaN</c>/<c>Infinity</c>
/// spelled out).
/// </summary>
public static class CsvRenderer
{
    /// <summary>
    /// The pivot: one column per row axis (canonical values, empty when missing; a single <c>configuration</c>
    /// column reading <c>all</c> when no axis varies), then per condition three columns <c>&lt;condition&gt; mean</c>,
    /// <c>&lt;condition&gt; std</c> (empty when n &lt; 2) and <c>&lt;condition&gt; n</c>.
    /// </summary>
    public static string RenderPivot(PivotTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        var axisHeader = table.RowAxes.Count > 0 ? table.RowAxes : ["configuration"];
        AppendLine(csv, axisHeader.Concat(table.Conditions.SelectMany(c => new[] { c + " mean", c + " std", c + " n" })));
        foreach (var row in table.Rows)
        {
            IEnumerable<string> axes = table.RowAxes.Count > 0 ? row.AxisValues : ["all"];
            AppendLine(csv, axes.Concat(row.Cells.SelectMany(c => new[]
            {
                c.Statistics.N > 0 ? ValueFormat.FormatRoundTrip(c.Statistics.Mean) : "",
                c.Statistics.StandardDeviation is { } std ? ValueFormat.FormatRoundTrip(std) : "",
                c.Statistics.N.ToString(CultureInfo.InvariantCulture),
            })));
        }

        return csv.ToString();
    }

    /// <summary>
    /// The raw long-format rows: <c>trial_id</c>, one column per axis path (ordinal order; empty when a
    /// trial lacks the axis), <c>seed</c>, <c>condition</c>, <c>metric</c>, <c>value</c>. Rows are sorted by
    /// axes, seed, trial, condition and metric, so the bytes do not depend on the input order.
    /// </summary>
    public static string RenderResults(IEnumerable<ResultRow> rows)
    {
        var (paths, sorted) = ResultOrdering.Sort(rows);
        var csv = new StringBuilder();
        AppendLine(csv, paths.Prepend("trial_id").Concat(["seed", "condition", "metric", "value"]));
        foreach (var row in sorted)
        {
            AppendLine(csv, new[] { row.TrialId }
                .Concat(paths.Select(p => ResultOrdering.ValueOf(row, p)))
                .Concat([row.Seed.ToString(CultureInfo.InvariantCulture), row.Condition, row.Metric, ValueFormat.FormatRoundTrip(row.Value)]));
        }

        return csv.ToString();
    }

    /// <summary>Quotes a field when it holds a comma, quote, line break or leading/trailing space; quotes are doubled.</summary>
    public static string EscapeField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '));
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(EscapeField)).Append('\n');
}
