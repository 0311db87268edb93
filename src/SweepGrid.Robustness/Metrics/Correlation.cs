namespace SweepGrid.Robustness.Metrics;

/// <summary>Sample correlation coefficients, in double with a two-pass (centred) sum.</summary>
public static class Correlation
{
    /// <summary>
    /// Pearson's r = Σ(x−x̄)(y−ȳ) / sqrt(Σ(x−x̄)²·Σ(y−ȳ)²). NaN when either input is constant (r is
    /// undefined there; e.g. every gradient exactly zero under saturation).
    /// </summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ClassificationMetrics.RequireSameNonEmptyLength(x.Length, y.Length);
        var meanX = Mean(x);
        var meanY = Mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0.0 || syy == 0.0)
        {
            return double.NaN;
        }
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }

    /// <summary>Spearman's ρ: Pearson's r of the average ranks (ties share their mean rank, as scipy.stats.spearmanr).</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ClassificationMetrics.RequireSameNonEmptyLength(x.Length, y.Length);
        return Pearson(Ranking.AverageRanks(x), Ranking.AverageRanks(y));
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"correlation needs finite values; got {v}");
            }
            sum += v;
        }
        return sum / values.Length;
    }
}
