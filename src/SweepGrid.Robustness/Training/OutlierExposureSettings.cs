namespace SweepGrid.Robustness.Training;

/// <summary>
/// Outlier exposure (Hendrycks et al. 2019; seed 001): every mini-batch adds
/// <see cref="Weight"/>·mean over outliers of the cross-entropy from the softmax to the uniform
/// distribution, −(1/K)·Σ_k log softmax(f(x_out))_k, for <see cref="BatchFactor"/> × batch-size images drawn
/// from the training split of <see cref="Dataset"/>. Seed 001 uses Fashion-MNIST and weight 0.5.
/// </summary>
public sealed record OutlierExposureSettings(string Dataset, double Weight = 0.5)
{
    /// <summary>Outliers per mini-batch relative to the batch size: Hendrycks' code draws 256 outliers per 128 images.</summary>
    public const int BatchFactor = 2;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Dataset))
        {
            throw new ArgumentException("outlier exposure needs an outlier dataset");
        }
        if (!(Weight > 0) || double.IsInfinity(Weight))
        {
            throw new ArgumentException($"the outlier-exposure weight must be a finite number > 0 (got {Weight})");
        }
    }
}
