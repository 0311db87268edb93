namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Equal-width confidence binning as in Guo et al. (2017)'s reference code, from which ECE, MCE and
/// the 15-bin RMS calibration error are read.
/// <para>
/// Edges are e_k = k/B (k = 0…B, computed as the double k/B). A confidence c goes to the bin b with
/// e_b &lt; c ≤ e_{b+1}: a confidence exactly on an edge belongs to the lower bin (0.4 with B = 15
/// lies in (0.3333, 0.4]) and c = 1.0 lies in the last bin. A confidence of exactly 0 lies in no bin
/// but still counts in N, as in the reference code (a max-softmax confidence is at least 1/K, so this
/// only matters for other confidence sources).
/// </para>
/// </summary>
public sealed class ReliabilityDiagram
{
    /// <summary>The bin count SweepGrid reports (<c>ece_15</c>, <c>mce_15</c>, <c>rms_15</c>).</summary>
    public const int DefaultBinCount = 15;

    private ReliabilityDiagram(IReadOnlyList<ReliabilityBin> bins, int sampleCount)
    {
        Bins = bins;
        SampleCount = sampleCount;
    }

    /// <summary>The bins in increasing confidence, empty ones included.</summary>
    public IReadOnlyList<ReliabilityBin> Bins { get; }

    /// <summary>N, the number of samples binned.</summary>
    public int SampleCount { get; }

    /// <summary>ECE = Σ_b (|B_b|/N)·|acc_b − conf_b|.</summary>
    public double ExpectedCalibrationError =>
        Bins.Where(b => b.Count > 0).Sum(b => (double)b.Count / SampleCount * b.Gap);

    /// <summary>MCE = max over non-empty bins of |acc_b − conf_b|.</summary>
    public double MaximumCalibrationError =>
        Bins.Where(b => b.Count > 0).Select(b => b.Gap).DefaultIfEmpty(0.0).Max();

    /// <summary>RMS = sqrt(Σ_b (|B_b|/N)·(acc_b − conf_b)²).</summary>
    public double RmsCalibrationError =>
        Math.Sqrt(Bins.Where(b => b.Count > 0).Sum(b => (double)b.Count / SampleCount * b.Gap * b.Gap));

    /// <summary>
    /// Bins <paramref name="confidences"/> (each in [0, 1]) with whether each prediction was right.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, there are no samples, or a confidence is outside [0, 1] or NaN.</exception>
    public static ReliabilityDiagram Compute(ReadOnlySpan<double> confidences, ReadOnlySpan<bool> correct, int binCount = DefaultBinCount)
    {
        ClassificationMetrics.RequireSameNonEmptyLength(confidences.Length, correct.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var counts = new int[binCount];
        var hits = new int[binCount];
        var confidenceSums = new double[binCount];
        for (var i = 0; i < confidences.Length; i++)
        {
            var c = confidences[i];
            CheckConfidence(c, i);
            if (c == 0.0)
            {
                continue;
            }
            var b = BinOf(c, binCount);
            counts[b]++;
            confidenceSums[b] += c;
            if (correct[i])
            {
                hits[b]++;
            }
        }
        var bins = new ReliabilityBin[binCount];
        for (var b = 0; b < binCount; b++)
        {
            var n = counts[b];
            bins[b] = new ReliabilityBin(
                Edge(b, binCount),
                Edge(b + 1, binCount),
                n,
                n == 0 ? double.NaN : (double)hits[b] / n,
                n == 0 ? double.NaN : confidenceSums[b] / n);
        }
        return new ReliabilityDiagram(bins, confidences.Length);
    }

    /// <summary>The bin b with e_b &lt; c ≤ e_{b+1} for 0 &lt; c ≤ 1.</summary>
    internal static int BinOf(double confidence, int binCount)
    {
        // ceil(c·B) − 1 is right up to rounding of the product; the two loops settle the rare case
        // where c·B rounds across an integer, against the edges exactly as defined.
        var b = Math.Clamp((int)Math.Ceiling(confidence * binCount) - 1, 0, binCount - 1);
        while (b > 0 && confidence <= Edge(b, binCount))
        {
            b--;
        }
        while (b < binCount - 1 && confidence > Edge(b + 1, binCount))
        {
            b++;
        }
        return b;
    }

    private static double Edge(int k, int binCount) => (double)k / binCount;

    internal static void CheckConfidence(double confidence, int index)
    {
        if (!(confidence >= 0.0 && confidence <= 1.0))
        {
            throw new ArgumentException($"confidence {index} is {confidence}; confidences must lie in [0, 1]");
        }
    }
}
