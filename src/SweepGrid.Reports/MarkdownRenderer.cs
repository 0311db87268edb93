using System.Text;

namespace SweepGrid.Reports;

/// <summary>Renders a <see cref="PivotTable"/> as a GitHub-flavoured Markdown table preceded by its caption.</summary>
public static class MarkdownRenderer
{
    /// <summary>
    /// The caption paragraph (metric, aggregation "mean ± std over n seeds", fixed axes, exclusions), a
    /// blank line, then the table; lines end with <c>\n</c>, the text ends with one. Deterministic.
    /// </summary>
    public static string Render(PivotTable table, int decimals = 4)
    {
        var text = TableText.Of(table, decimals);
        var md = new StringBuilder();
        md.Append("**").Append(Escape(text.Title)).Append("** — ").Append(Escape(text.Description)).Append("\n\n");
        AppendLine(md, text.Header);
        AppendLine(md, text.Header.Select((_, i) => i < text.AxisColumns ? "---" : "---:"));
        foreach (var row in text.Rows)
        {
            AppendLine(md, row);
        }

        return md.ToString();
    }

    private static void AppendLine(StringBuilder md, IEnumerable<string> cells) =>
        md.Append("| ").AppendJoin(" | ", cells.Select(Escape)).Append(" |\n");

    // A pipe would end the cell; backslash-escaping keeps it literal in GitHub tables.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
