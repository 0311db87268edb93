using System.Globalization;
using System.Text;

namespace SweepGrid.Reports;

/// <summary>
/// The printed form of a pivot shared by the Markdown and plain-text renderers: caption, header and cell
/// strings. A cell reads <c>mean ± std</c>; a single-seed cell the value alone; <c>(n=…)</c> is appended
/// when cells differ in n or values were excluded, so no cell hides how many seeds it stands for.
/// </summary>
internal sealed class TableText
{
    private const string NoRowAxesHeader = "configuration";

    private TableText(string title, string description, IReadOnlyList<string> header, int axisColumns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Title = title;
        Description = description;
        Header = header;
        AxisColumns = axisColumns;
        Rows = rows;
    }

    public string Title { get; }

    /// <summary>The aggregation, fixed axes and exclusions, in one sentence or a few.</summary>
    public string Description { get; }

    public string Caption => $"{Title} — {Description}";

    public IReadOnlyList<string> Header { get; }

    /// <summary>How many leading columns hold axis labels (the rest hold cells).</summary>
    public int AxisColumns { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    public static TableText Of(PivotTable table, int decimals)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var commonN = table.CommonN;
        var axisHeader = table.RowAxes.Count > 0 ? table.RowAxes : [NoRowAxesHeader];
        var header = axisHeader.Concat(table.Conditions).ToList();
        var rows = table.Rows.Select(row =>
        {
            IEnumerable<string> labels = table.RowAxes.Count > 0 ? row.AxisLabels : ["all"];
            return (IReadOnlyList<string>)labels.Concat(row.Cells.Select(c => Cell(c.Statistics, commonN, decimals, table.Kind))).ToList();
        }).ToList();
        return new TableText(table.Title, DescriptionOf(table, commonN), header, axisHeader.Count, rows);
    }

    private static string Cell(CellStatistics s, int? commonN, int decimals, PivotKind kind)
    {
        if (s.N == 0)
        {
            return s.Excluded == 0 ? AxisValues.MissingLabel : Invariant($"n/a (n=0, {s.Excluded} excluded)");
        }

        var text = new StringBuilder(Number(s.Mean, decimals, kind));
        if (s.StandardDeviation is { } std)
        {
            text.Append(" ± ").Append(ValueFormat.FormatMeasurement(std, decimals));
        }

        if (s.Excluded > 0)
        {
            text.Append(Invariant($" (n={s.N}, {s.Excluded} excluded)"));
        }
        else if (commonN is null)
        {
            text.Append(Invariant($" (n={s.N})"));
        }

        return text.ToString();
    }

    private static string Number(double value, int decimals, PivotKind kind)
    {
        var text = ValueFormat.FormatMeasurement(value, decimals);
        // A Δ reads as a change: an explicit sign keeps gains and losses apart at a glance.
        return kind == PivotKind.PairedDelta && !text.StartsWith('-') ? "+" + text : text;
    }

    private static string DescriptionOf(PivotTable table, int? commonN)
    {
        var seeds = commonN switch
        {
            1 => "1 seed (sample std, n − 1; single-seed cells show the value alone).",
            { } n => Invariant($"{n} seeds (sample std, n − 1)."),
            null => "n seeds (sample std, n − 1; n shown per cell; single-seed cells show the value alone).",
        };
        var caption = new StringBuilder();
        if (table.Kind == PivotKind.PairedDelta)
        {
            caption.Append(Invariant($"paired per-trial difference (condition − {table.BaselineCondition}), "));
        }

        caption.Append("mean ± std over ").Append(seeds);
        if (table.FixedAxes.Count > 0)
        {
            caption.Append(" Fixed: ").AppendJoin(", ", table.FixedAxes.Select(a => $"{a.Key} = {a.Value}")).Append('.');
        }

        var excluded = table.Rows.Sum(r => r.Cells.Sum(c => c.Statistics.Excluded));
        if (excluded > 0)
        {
            caption.Append(Invariant($" Excluded: {excluded} non-finite or unpaired values (e.g. diverged trials), left out of mean and std."));
        }

        return caption.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
