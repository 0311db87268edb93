using System.Globalization;

namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// Canonical names under which metric values are stored and reported. A name states its convention
/// (bin count, bin rule, positive class) so that numbers from different conventions never mix.
/// </summary>
public static class MetricName
{
    /// <summary>Fraction of correctly classified samples.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>1 − accuracy.</summary>
    public const string Error = "error";

    /// <summary>Accuracy under a condition minus clean accuracy (negative = worse).</summary>
    public const string DeltaAccuracy = "delta_accuracy";

    /// <summary>Expected calibration error, 15 equal-width bins, lo &lt; c ≤ hi.</summary>
    public const string Ece15 = "ece_15";

    /// <summary>Maximum calibration error, 15 equal-width bins.</summary>
    public const string Mce15 = "mce_15";

    /// <summary>RMS calibration error, 15 equal-width bins.</summary>
    public const string Rms15 = "rms_15";

    /// <summary>Hendrycks' RMS calibration error on adaptive bins of 100 confidence-sorted samples (last bin kept).</summary>
    public const string RmsAdaptive100 = "rms_adaptive100";

    /// <summary>Hendrycks' adaptive RMS with his last bin skipped (exact parity with calib_err).</summary>
    public const string RmsAdaptive100SkipLast = "rms_adaptive100_skiplast";

    /// <summary>Mean negative log-likelihood (nats).</summary>
    public const string Nll = "nll";

    /// <summary>The fitted temperature T of temperature scaling.</summary>
    public const string Temperature = "temperature";

    /// <summary>Suffix of a metric computed on temperature-scaled probabilities (e.g. <c>ece_15_ts</c>).</summary>
    public const string TemperatureScaledSuffix = "_ts";

    /// <summary>AUROC of −MSP, OOD positive.</summary>
    public const string AurocMsp = "auroc_msp";

    /// <summary>FPR at 95% TPR of −MSP, OOD positive.</summary>
    public const string Fpr95Msp = "fpr95_msp";

    /// <summary>AUROC of −max logit, OOD positive.</summary>
    public const string AurocMaxLogit = "auroc_maxlogit";

    /// <summary>FPR at 95% TPR of −max logit, OOD positive.</summary>
    public const string Fpr95MaxLogit = "fpr95_maxlogit";

    /// <summary>AUROC of the softmax entropy, OOD positive.</summary>
    public const string AurocEntropy = "auroc_entropy";

    /// <summary>FPR at 95% TPR of the softmax entropy, OOD positive.</summary>
    public const string Fpr95Entropy = "fpr95_entropy";

    /// <summary>AUROC of −ODIN score, OOD positive.</summary>
    public const string AurocOdin = "auroc_odin";

    /// <summary>FPR at 95% TPR of −ODIN score, OOD positive.</summary>
    public const string Fpr95Odin = "fpr95_odin";

    /// <summary>Seed 003's class robustness R = (1/K)·Σ_c (1 − m_c).</summary>
    public const string ClassRobustness = "class_robustness";

    /// <summary>Mean |x' − x| over images and pixels.</summary>
    public const string Distortion = "distortion";

    /// <summary>Fraction of samples whose input gradient G(x) is exactly zero (gradient masking).</summary>
    public const string ZeroGradientFraction = "zero_gradient_fraction";

    /// <summary>Pearson correlation of G(x) with the true-class confidence.</summary>
    public const string GradientConfidencePearson = "gradient_confidence_pearson";

    /// <summary>Spearman rank correlation of G(x) with the true-class confidence.</summary>
    public const string GradientConfidenceSpearman = "gradient_confidence_spearman";

    /// <summary>Fraction of last-hidden-layer net inputs with |net| ≤ r1.</summary>
    public const string RegimeLinearFraction = "regime_linear_fraction";

    /// <summary>Fraction of net inputs with r1 &lt; |net| &lt; r2.</summary>
    public const string RegimeNonlinearFraction = "regime_nonlinear_fraction";

    /// <summary>Fraction of net inputs with |net| ≥ r2.</summary>
    public const string RegimeSaturatedFraction = "regime_saturated_fraction";

    /// <summary>Accuracy within true class <paramref name="classIndex"/>, e.g. <c>accuracy_class_3</c>.</summary>
    public static string AccuracyOfClass(int classIndex) => PerClass(Accuracy, classIndex);

    /// <summary>Median G(x) within true class <paramref name="classIndex"/>, e.g. <c>gradient_median_class_3</c>.</summary>
    public static string GradientMedianOfClass(int classIndex) => PerClass("gradient_median", classIndex);

    /// <summary>The AUROC name of a logit-based OOD score.</summary>
    public static string Auroc(OodScore score) => score switch
    {
        OodScore.MaxSoftmaxProbability => AurocMsp,
        OodScore.MaxLogit => AurocMaxLogit,
        OodScore.Entropy => AurocEntropy,
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "unknown OOD score"),
    };

    /// <summary>The FPR95 name of a logit-based OOD score.</summary>
    public static string Fpr95(OodScore score) => score switch
    {
        OodScore.MaxSoftmaxProbability => Fpr95Msp,
        OodScore.MaxLogit => Fpr95MaxLogit,
        OodScore.Entropy => Fpr95Entropy,
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "unknown OOD score"),
    };

    private static string PerClass(string metric, int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        return string.Create(CultureInfo.InvariantCulture, $"{metric}_class_{classIndex}");
    }
}
