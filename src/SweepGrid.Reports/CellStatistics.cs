namespace SweepGrid.Reports;

/// <summary>
/// Mean and sample standard deviation of the finite values of one cell. Non-finite values (NaN, ±∞:
/// typically diverged trials) are left out and counted in <see cref="Excluded"/>, so a table never
/// silently averages over fewer seeds than it claims.
/// </summary>
/// <param name="N">How many finite values were aggregated.</param>
/// <param name="Mean">Their arithmetic mean; NaN when <paramref name="N"/> is 0.</param>
/// <param name="StandardDeviation">Sample standard deviation (divisor n − 1); null when <paramref name="N"/> &lt; 2.</param>
/// <param name="Excluded">How many non-finite values were left out.</param>
public sealed record CellStatistics(int N, double Mean, double? StandardDeviation, int Excluded)
{
    /// <summary>Statistics of an empty cell (no rows at all).</summary>
    public static CellStatistics Empty { get; } = new(0, double.NaN, null, 0);

    /// <summary>Aggregates <paramref name="values"/>; the order of the values does not matter beyond rounding.</summary>
    public static CellStatistics Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = new List<double>();
        var excluded = 0;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                finite.Add(value);
            }
            else
            {
                excluded++;
            }
        }

        if (finite.Count == 0)
        {
            return new CellStatistics(0, double.NaN, null, excluded);
        }

        var mean = finite.Sum() / finite.Count;
        if (finite.Count == 1)
        {
            return new CellStatistics(1, mean, null, excluded);
        }

        // Two-pass: the squared deviations from the mean, not E[x²] − E[x]², which cancels badly for
        // accuracies close to one another.
        var squares = finite.Sum(v => (v - mean) * (v - mean));
        return new CellStatistics(finite.Count, mean, Math.Sqrt(squares / (finite.Count - 1)), excluded);
    }
}
