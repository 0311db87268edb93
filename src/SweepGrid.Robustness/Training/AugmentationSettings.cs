namespace SweepGrid.Robustness.Training;

/// <summary>
/// Training-time input augmentation, applied per mini-batch with the training's generator. Zero means
/// off. Rotation and translation use the same bilinear affine sampler as the deformation condition;
/// Gaussian noise is x' = clamp(x + N(0, σ²), 0, 1) as the noise condition.
/// </summary>
public sealed record AugmentationSettings(
    double RotationDegrees = 0,
    double TranslationPixels = 0,
    bool HorizontalFlip = false,
    double NoiseSigma = 0)
{
    public static readonly AugmentationSettings None = new();

    public bool IsGeometric => RotationDegrees > 0 || TranslationPixels > 0;

    public void Validate()
    {
        if (!(RotationDegrees is >= 0 and <= 180))
        {
            throw new ArgumentException($"augmentation rotation must be in [0, 180] degrees (got {RotationDegrees})");
        }
        if (!(TranslationPixels is >= 0 and <= 14))
        {
            throw new ArgumentException($"augmentation translation must be in [0, 14] pixels (got {TranslationPixels})");
        }
        if (!(NoiseSigma is >= 0 and <= 10))
        {
            throw new ArgumentException($"augmentation noise σ must be in [0, 10] (got {NoiseSigma})");
        }
    }
}
