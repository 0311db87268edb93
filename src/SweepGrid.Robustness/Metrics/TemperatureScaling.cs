namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Temperature scaling (Guo et al. 2017; seed 001): one scalar T &gt; 0 with p = softmax(z/T), fitted
/// on a held-out validation split (never the test set) by minimising the mean NLL.
/// <para>
/// With β = 1/T the mean NLL f(β) = mean_i [LSE(β·z_i) − β·z_{i,y}] is convex, with
/// f′(β) = mean_i (E_{p_β}[z_i] − z_{i,y}) and f″(β) = mean_i Var_{p_β}(z_i) ≥ 0. The search runs
/// over s = log T (so T stays positive and the scale is treated evenly) and solves f′(e^{−s}) = 0,
/// a monotone equation in s, by Newton steps safeguarded with bisection inside a bracket
/// [log T_min, log T_max]; all arithmetic is in double. When the minimum lies beyond the bracket
/// (e.g. a validation set without any error wants T → 0) the bound is returned and flagged.
/// </para>
/// </summary>
public static class TemperatureScaling
{
    /// <summary>Default lower bound on T.</summary>
    public const double DefaultMinTemperature = 1e-3;

    /// <summary>Default upper bound on T.</summary>
    public const double DefaultMaxTemperature = 1e3;

    private const int MaxIterations = 200;
    private const double LogTolerance = 1e-12;

    /// <summary>Fits T on validation logits and labels and reports NLL/ECE there before and after.</summary>
    public static TemperatureFit Fit(
        LogitMatrix validationLogits,
        ReadOnlySpan<int> validationLabels,
        double minTemperature = DefaultMinTemperature,
        double maxTemperature = DefaultMaxTemperature)
    {
        ArgumentNullException.ThrowIfNull(validationLogits);
        ClassificationMetrics.RequireSameNonEmptyLength(validationLogits.Count, validationLabels.Length);
        CalibrationMetrics.RequirePositiveTemperature(minTemperature);
        CalibrationMetrics.RequirePositiveTemperature(maxTemperature);
        if (!(minTemperature < maxTemperature))
        {
            throw new ArgumentException($"the temperature bracket [{minTemperature}, {maxTemperature}] is empty");
        }
        var labels = validationLabels.ToArray();
        for (var i = 0; i < labels.Length; i++)
        {
            CalibrationMetrics.CheckedLabel(labels[i], i, validationLogits.Classes);
        }

        var (temperature, iterations, reachedBound) = Solve(validationLogits, labels, Math.Log(minTemperature), Math.Log(maxTemperature));
        return new TemperatureFit(temperature, iterations, reachedBound, Report(validationLogits, labels, temperature));
    }

    /// <summary>
    /// Calibration of <paramref name="logits"/> (e.g. the test set) before (T = 1) and after scaling
    /// by an already fitted <paramref name="temperature"/>.
    /// </summary>
    public static TemperatureScalingReport Report(LogitMatrix logits, ReadOnlySpan<int> labels, double temperature) =>
        new(temperature, CalibrationMetrics.Summarize(logits, labels), CalibrationMetrics.Summarize(logits, labels, temperature));

    private static (double Temperature, int Iterations, bool ReachedBound) Solve(LogitMatrix logits, int[] labels, double lo, double hi)
    {
        // h(s) = f′(β = e^{−s}) decreases in s: positive for too small T, negative for too large T.
        var hLo = Derivatives(logits, labels, Math.Exp(-lo)).Slope;
        var hHi = Derivatives(logits, labels, Math.Exp(-hi)).Slope;
        if (hLo == 0.0 && hHi == 0.0)
        {
            // Flat NLL (every row's logits are equal): every T is optimal; keep the model as it is.
            return (1.0, 0, false);
        }
        if (hLo <= 0.0)
        {
            return (Math.Exp(lo), 0, true);
        }
        if (hHi >= 0.0)
        {
            return (Math.Exp(hi), 0, true);
        }

        var s = Math.Clamp(0.0, lo, hi);
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var beta = Math.Exp(-s);
            var (h, curvature) = Derivatives(logits, labels, beta);
            if (h == 0.0)
            {
                return (Math.Exp(s), iteration, false);
            }
            if (h > 0.0)
            {
                lo = s;
            }
            else
            {
                hi = s;
            }
            // dh/ds = −β·f″(β); a Newton step that leaves the bracket (or a vanishing curvature) falls back to bisection.
            var dh = -beta * curvature;
            var next = dh < 0.0 ? s - (h / dh) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }
            var step = Math.Abs(next - s);
            s = next;
            if (step < LogTolerance || hi - lo < LogTolerance)
            {
                return (Math.Exp(s), iteration, false);
            }
        }
        return (Math.Exp(s), MaxIterations, false);
    }

    /// <summary>f′(β) and f″(β) of the mean NLL of softmax(β·z).</summary>
    private static (double Slope, double Curvature) Derivatives(LogitMatrix logits, int[] labels, double beta)
    {
        var slope = 0.0;
        var curvature = 0.0;
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits.Row(i);
            double max = row[StableSoftmax.ArgMax(row)];
            var sum = 0.0;
            var weighted = 0.0;
            foreach (var z in row)
            {
                var e = Math.Exp(beta * (z - max));
                sum += e;
                weighted += e * z;
            }
            var mean = weighted / sum;
            var variance = 0.0;
            foreach (var z in row)
            {
                var d = z - mean;
                variance += Math.Exp(beta * (z - max)) * d * d;
            }
            slope += mean - row[labels[i]];
            curvature += variance / sum;
        }
        return (slope / logits.Count, curvature / logits.Count);
    }
}
