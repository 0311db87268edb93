namespace SweepGrid.Robustness.Metrics;

/// <summary>Ranks with ties averaged (scipy's <c>rankdata(method='average')</c>), in O(n log n).</summary>
internal static class Ranking
{
    /// <summary>1-based ranks of <paramref name="values"/>; tied values share the mean of the ranks they span.</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var keys = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"score {i} is NaN; scores must be comparable numbers");
            }
            keys[i] = values[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            // Positions start..end−1 (0-based) hold ranks start+1..end: their mean is (start + 1 + end) / 2.
            var rank = 0.5 * (start + 1 + end);
            for (var j = start; j < end; j++)
            {
                ranks[order[j]] = rank;
            }
            start = end;
        }
        return ranks;
    }
}
