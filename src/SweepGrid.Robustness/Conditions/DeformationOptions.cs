namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Ranges of the seeded elastic + affine deformation that stands in for AlignMNIST (seed 000). Every
/// affine parameter is drawn per image, uniformly and symmetrically around the identity; the elastic
/// field follows Simard et al. (2003): U(−1, 1) per pixel and axis, smoothed by a Gaussian of σ pixels,
/// scaled by α pixels. The defaults are milder than Simard's training-time augmentation (α = 34, σ = 4,
/// about 1.4 px of elastic displacement on its own): about 0.5 px of elastic displacement on top of the
/// affine jitter, which keeps digits legible while shifting strokes by a sizeable part of their width.
/// </summary>
public sealed record DeformationOptions
{
    public static DeformationOptions Default { get; } = new();

    /// <summary>Rotation θ ~ U(−a, a), in degrees.</summary>
    public double MaxRotationDegrees { get; init; } = 10;

    /// <summary>Scale s ~ U(1 − a, 1 + a).</summary>
    public double MaxScaleChange { get; init; } = 0.1;

    /// <summary>Horizontal shear factor h ~ U(−a, a) (x += h·y).</summary>
    public double MaxShear { get; init; } = 0.1;

    /// <summary>Translation along each axis ~ U(−a, a), in pixels.</summary>
    public double MaxTranslation { get; init; } = 1;

    /// <summary>Elastic strength α: the smoothed field is multiplied by this many pixels (Simard: 34).</summary>
    public double ElasticAlpha { get; init; } = 10;

    /// <summary>Elastic smoothness σ in pixels (Simard: 4); the smoothing kernel spans 2·⌈3σ⌉ + 1 taps.</summary>
    public double ElasticSigma { get; init; } = 3;

    /// <summary>Throws when a range is negative, not finite, or would flip the image (scale change ≥ 1).</summary>
    public void Validate()
    {
        Check(MaxRotationDegrees, nameof(MaxRotationDegrees), 180);
        Check(MaxScaleChange, nameof(MaxScaleChange), 0.999);
        Check(MaxShear, nameof(MaxShear), 10);
        Check(MaxTranslation, nameof(MaxTranslation), 1000);
        Check(ElasticAlpha, nameof(ElasticAlpha), 1000);
        if (!(ElasticSigma > 0) || ElasticSigma > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(ElasticSigma), ElasticSigma, "the elastic smoothing σ must be in (0, 100] pixels");
        }
    }

    private static void Check(double value, string name, double max)
    {
        if (!(value >= 0) || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, {max}]");
        }
    }
}
