namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Per-sample scores read from logits (softmax in double): max softmax probability, max logit,
/// entropy, true-class probability, and their conversion to anomaly scores (higher = more likely
/// out-of-distribution) for <see cref="OodDetection"/>.
/// </summary>
public static class OodScores
{
    /// <summary>MSP = max_k softmax(z/T)_k per sample (T = 1 gives the baseline of Hendrycks and Gimpel; ODIN applies a large T to perturbed inputs).</summary>
    public static double[] MaxSoftmaxProbability(LogitMatrix logits, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        CalibrationMetrics.RequirePositiveTemperature(temperature);
        var scores = new double[logits.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = StableSoftmax.MaxProbability(logits.Row(i), temperature);
        }
        return scores;
    }

    /// <summary>max_k z_k per sample.</summary>
    public static double[] MaxLogit(LogitMatrix logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var scores = new double[logits.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var row = logits.Row(i);
            scores[i] = row[StableSoftmax.ArgMax(row)];
        }
        return scores;
    }

    /// <summary>H(p) = −Σ_k p_k log p_k in nats per sample, p = softmax(z/T); 0 for a one-hot p, log K for a uniform one.</summary>
    public static double[] Entropy(LogitMatrix logits, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        CalibrationMetrics.RequirePositiveTemperature(temperature);
        var scores = new double[logits.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = StableSoftmax.Entropy(logits.Row(i), temperature);
        }
        return scores;
    }

    /// <summary>softmax(z)_y per sample: the true-class confidence that seed 003 correlates with input gradients.</summary>
    public static double[] TrueClassProbability(LogitMatrix logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ClassificationMetrics.RequireSameNonEmptyLength(logits.Count, labels.Length);
        var scores = new double[logits.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var y = CalibrationMetrics.CheckedLabel(labels[i], i, logits.Classes);
            scores[i] = Math.Exp(StableSoftmax.LogProbability(logits.Row(i), y, 1.0));
        }
        return scores;
    }

    /// <summary>
    /// Anomaly scores, oriented so that a higher value means "more likely out-of-distribution":
    /// −MSP, −max logit, or +entropy.
    /// </summary>
    public static double[] Anomaly(LogitMatrix logits, OodScore score) => score switch
    {
        OodScore.MaxSoftmaxProbability => Negated(MaxSoftmaxProbability(logits)),
        OodScore.MaxLogit => Negated(MaxLogit(logits)),
        OodScore.Entropy => Entropy(logits),
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "unknown OOD score"),
    };

    private static double[] Negated(double[] scores)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = -scores[i];
        }
        return scores;
    }
}
