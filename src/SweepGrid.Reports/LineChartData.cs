namespace SweepGrid.Reports;

/// <summary>What <see cref="SvgLineChart"/> draws: a metric against one numeric axis, one line per series.</summary>
/// <param name="Title">The chart title.</param>
/// <param name="XLabel">The x-axis label (the axis path).</param>
/// <param name="YLabel">The y-axis label (the metric and its aggregation).</param>
/// <param name="Series">The lines, in legend order.</param>
public sealed record LineChartData(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>
    /// True when the x axis is drawn on a log₂ scale: every x is positive and the largest is at least 8×
    /// the smallest (e.g. temperatures 1/64 … 16).
    /// </summary>
    public bool UsesLogScale
    {
        get
        {
            var xs = Series.SelectMany(s => s.Points).Select(p => p.X).ToList();
            return xs.Count > 0 && xs.All(x => x > 0) && xs.Max() >= 8 * xs.Min();
        }
    }

    /// <summary>
    /// Charts <paramref name="table"/> against its row axis <paramref name="xAxis"/>: one series per
    /// condition, and per combination of the other varying axes when there are any (so no chart
    /// averages over a training axis); points at the cell means with ± std error bars; empty cells
    /// skipped. Returns null when <paramref name="xAxis"/> is not a row axis of the table or one of its
    /// values is not a number.
    /// </summary>
    public static LineChartData? FromPivot(PivotTable table, string xAxis)
    {
        ArgumentNullException.ThrowIfNull(table);
        var xIndex = IndexOf(table.RowAxes, xAxis);
        if (xIndex < 0)
        {
            return null;
        }

        var xs = new double?[table.Rows.Count];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var text = table.Rows[r].AxisValues[xIndex];
            if (text.Length == 0)
            {
                continue;
            }

            if (!ValueFormat.TryParseNumber(text, out var x))
            {
                return null;
            }

            xs[r] = x;
        }

        // Rows come ordered by the other axes first where those precede x, so group explicitly: one
        // series per (condition, other-axes labels), in condition order, then first-row order.
        var others = table.RowAxes.Select((path, i) => (path, i)).Where(a => a.i != xIndex).ToList();
        var series = new List<ChartSeries>();
        for (var c = 0; c < table.Conditions.Count; c++)
        {
            var groups = new List<(string Key, List<ChartPoint> Points)>();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var cell = row.Cells[c].Statistics;
                if (xs[r] is not { } x || cell.N == 0)
                {
                    continue;
                }

                var key = string.Join(", ", others.Select(a => $"{a.path}={row.AxisLabels[a.i]}"));
                var group = groups.FindIndex(g => string.Equals(g.Key, key, StringComparison.Ordinal));
                if (group < 0)
                {
                    groups.Add((key, []));
                    group = groups.Count - 1;
                }

                groups[group].Points.Add(new ChartPoint(x, cell.Mean, cell.StandardDeviation, cell.N));
            }

            series.AddRange(groups.Select(g => new ChartSeries(
                g.Key.Length == 0 ? table.Conditions[c] : $"{table.Conditions[c]}, {g.Key}",
                g.Points.OrderBy(p => p.X).ToList(),
                table.Conditions[c],
                g.Key)));
        }

        return new LineChartData($"{table.Title} by {xAxis}", xAxis, $"{table.Title} (mean ± std)", series);
    }

    private static int IndexOf(IReadOnlyList<string> paths, string path)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (string.Equals(paths[i], path, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
