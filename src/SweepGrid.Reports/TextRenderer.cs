using System.Text;

namespace SweepGrid.Reports;

/// <summary>Renders a <see cref="PivotTable"/> as aligned plain text for a terminal.</summary>
public static class TextRenderer
{
    /// <summary>
    /// The caption line, then a header, a dashed rule and one line per row; axis columns left-aligned,
    /// cells right-aligned, columns separated by two spaces, no trailing spaces; lines end with <c>\n</c>.
    /// </summary>
    public static string Render(PivotTable table, int decimals = 4)
    {
        var text = TableText.Of(table, decimals);
        var lines = new List<IReadOnlyList<string>> { text.Header };
        lines.AddRange(text.Rows);
        var widths = text.Header.Select((_, i) => lines.Max(l => l[i].Length)).ToList();

        var output = new StringBuilder(text.Caption).Append('\n');
        AppendLine(output, text.Header, widths, text.AxisColumns);
        AppendLine(output, widths.Select(w => new string('-', w)).ToList(), widths, text.AxisColumns);
        foreach (var row in text.Rows)
        {
            AppendLine(output, row, widths, text.AxisColumns);
        }

        return output.ToString();
    }

    private static void AppendLine(StringBuilder output, IReadOnlyList<string> cells, List<int> widths, int axisColumns)
    {
        var line = string.Join("  ", cells.Select((c, i) => i < axisColumns ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
        output.Append(line.TrimEnd()).Append('\n');
    }
}
