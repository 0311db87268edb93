namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Out-of-distribution detection metrics on anomaly scores (higher = more likely OOD; see
/// <see cref="OodScores.Anomaly"/>). Throughout, the <b>positive class is OOD</b> and the negative
/// class is in-distribution (ID), as in Hendrycks' outlier-exposure code run with out-as-positive.
/// </summary>
public static class OodDetection
{
    /// <summary>The true-positive rate at which <see cref="FalsePositiveRateAtRecall"/> is reported by default (FPR95).</summary>
    public const double DefaultRecall = 0.95;

    /// <summary>
    /// AUROC = P(s_OOD &gt; s_ID) + ½·P(s_OOD = s_ID): the Mann–Whitney U of the OOD scores divided by
    /// n_OOD·n_ID, from average ranks in O(n log n). Equals <c>sklearn.metrics.roc_auc_score</c> with
    /// OOD labelled 1. All scores equal gives 0.5; every OOD score above every ID score gives 1.
    /// </summary>
    public static double Auroc(ReadOnlySpan<double> inDistributionAnomaly, ReadOnlySpan<double> outOfDistributionAnomaly)
    {
        RequireBothSets(inDistributionAnomaly.Length, outOfDistributionAnomaly.Length);
        var nIn = inDistributionAnomaly.Length;
        var nOut = outOfDistributionAnomaly.Length;
        var all = new double[nIn + nOut];
        inDistributionAnomaly.CopyTo(all);
        outOfDistributionAnomaly.CopyTo(all.AsSpan(nIn));
        var ranks = Ranking.AverageRanks(all);
        var outRankSum = 0.0;
        for (var i = nIn; i < all.Length; i++)
        {
            outRankSum += ranks[i];
        }
        var u = outRankSum - (0.5 * nOut * (nOut + 1.0));
        return u / ((double)nOut * nIn);
    }

    /// <summary>
    /// FPR at <paramref name="recall"/> TPR (FPR95 by default), exactly as <c>fpr_and_fdr_at_recall</c>
    /// in Hendrycks' outlier-exposure code with OOD as the positive class:
    /// <list type="number">
    /// <item>every distinct score value t (ID or OOD) is a candidate threshold; its TPR is the fraction
    /// of OOD samples with anomaly score ≥ t and its FPR the fraction of ID samples with anomaly score ≥ t;</item>
    /// <item>candidates run from the highest threshold that already reaches TPR = 1 upwards;</item>
    /// <item>the chosen TPR is the one nearest to <paramref name="recall"/> (not necessarily ≥ it;
    /// |TPR − recall| in double); on an exact tie in that distance the higher TPR wins;</item>
    /// <item>among the thresholds sharing the chosen TPR, the lowest is taken, so the result is the
    /// fraction of ID samples scoring at or above that lowest threshold. Put plainly, with k OOD samples
    /// caught: the fraction of ID samples scoring strictly above the highest OOD score left uncaught
    /// (when k = n_OOD, at or above the lowest OOD score).</item>
    /// </list>
    /// </summary>
    public static double FalsePositiveRateAtRecall(
        ReadOnlySpan<double> inDistributionAnomaly, ReadOnlySpan<double> outOfDistributionAnomaly, double recall = DefaultRecall)
    {
        RequireBothSets(inDistributionAnomaly.Length, outOfDistributionAnomaly.Length);
        if (!(recall > 0.0 && recall <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(recall), recall, "the recall level must lie in (0, 1]");
        }
        var nIn = inDistributionAnomaly.Length;
        var nOut = outOfDistributionAnomaly.Length;
        var scores = new double[nIn + nOut];
        var isOut = new bool[scores.Length];
        inDistributionAnomaly.CopyTo(scores);
        outOfDistributionAnomaly.CopyTo(scores.AsSpan(nIn));
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"score {i} is NaN; scores must be comparable numbers");
            }
            isOut[i] = i >= nIn;
        }
        // Descending by score; the order inside a tie does not matter, as counts are read only at the end of each tie.
        Array.Sort(scores, isOut);
        Array.Reverse(scores);
        Array.Reverse(isOut);

        var truePositives = new List<int>();
        var falsePositives = new List<int>();
        var tp = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            tp += isOut[i] ? 1 : 0;
            if (i == scores.Length - 1 || scores[i + 1] != scores[i])
            {
                truePositives.Add(tp);
                falsePositives.Add(i + 1 - tp);
            }
        }

        var last = truePositives.IndexOf(nOut);
        var chosen = last;
        var bestDistance = double.PositiveInfinity;
        for (var j = last; j >= 0; j--)
        {
            var distance = Math.Abs(((double)truePositives[j] / nOut) - recall);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                chosen = j;
            }
        }
        return (double)falsePositives[chosen] / nIn;
    }

    /// <summary>
    /// AUROC and FPR95 of the MSP, max-logit and entropy scores of a model on an ID set and an OOD
    /// set, keyed by <see cref="MetricName"/> (e.g. <c>auroc_msp</c>, <c>fpr95_entropy</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Evaluate(LogitMatrix inDistribution, LogitMatrix outOfDistribution)
    {
        ArgumentNullException.ThrowIfNull(inDistribution);
        ArgumentNullException.ThrowIfNull(outOfDistribution);
        var metrics = new Dictionary<string, double>();
        foreach (var score in Enum.GetValues<OodScore>())
        {
            var inScores = OodScores.Anomaly(inDistribution, score);
            var outScores = OodScores.Anomaly(outOfDistribution, score);
            metrics[MetricName.Auroc(score)] = Auroc(inScores, outScores);
            metrics[MetricName.Fpr95(score)] = FalsePositiveRateAtRecall(inScores, outScores);
        }
        return metrics;
    }

    private static void RequireBothSets(int inCount, int outCount)
    {
        if (inCount == 0 || outCount == 0)
        {
            throw new ArgumentException($"OOD metrics need in-distribution and OOD samples; got {inCount} ID and {outCount} OOD");
        }
    }
}
