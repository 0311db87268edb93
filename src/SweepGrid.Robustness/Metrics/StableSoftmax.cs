namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Softmax arithmetic on one row of logits, in double precision and shifted by the row maximum, so
/// that large logits (or a small temperature) neither overflow nor lose the small probabilities.
/// </summary>
internal static class StableSoftmax
{
    /// <summary>Index of the largest logit; the first on ties.</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var k = 1; k < row.Length; k++)
        {
            if (row[k] > row[best])
            {
                best = k;
            }
        }
        return best;
    }

    /// <summary>log Σ_k exp(z_k / T), computed as max/T + log Σ exp((z_k − max)/T).</summary>
    public static double LogSumExp(ReadOnlySpan<float> row, double temperature)
    {
        double max = row[ArgMax(row)];
        var sum = 0.0;
        foreach (var z in row)
        {
            sum += Math.Exp((z - max) / temperature);
        }
        return (max / temperature) + Math.Log(sum);
    }

    /// <summary>log softmax(z/T)_k.</summary>
    public static double LogProbability(ReadOnlySpan<float> row, int k, double temperature) =>
        (row[k] / temperature) - LogSumExp(row, temperature);

    /// <summary>max_k softmax(z/T)_k = 1 / Σ_j exp((z_j − max)/T); exactly 1.0 once the other terms vanish.</summary>
    public static double MaxProbability(ReadOnlySpan<float> row, double temperature)
    {
        double max = row[ArgMax(row)];
        var sum = 0.0;
        foreach (var z in row)
        {
            sum += Math.Exp((z - max) / temperature);
        }
        return 1.0 / sum;
    }

    /// <summary>
    /// Shannon entropy H(p) = −Σ p_k log p_k in nats, written as log S − Σ e_k·a_k / S with
    /// a_k = (z_k − max)/T, e_k = exp(a_k), S = Σ e_k, which stays finite when some p_k underflow.
    /// </summary>
    public static double Entropy(ReadOnlySpan<float> row, double temperature)
    {
        double max = row[ArgMax(row)];
        var sum = 0.0;
        var weighted = 0.0;
        foreach (var z in row)
        {
            var a = (z - max) / temperature;
            var e = Math.Exp(a);
            sum += e;
            weighted += e * a;
        }
        return Math.Log(sum) - (weighted / sum);
    }
}
