
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Covariate-shift corruptions as pure functions of an image batch [N, C, H, W] in [0, 1]; each
/// returns a new tensor the caller owns and follows the conventions fixed in definitions.md.
/// </summary>
public static class Corruptions
{
    /// <summary>torchvision's <c>adjust_brightness</c> on float images: x' = clamp(f·x, 0, 1) (multiplicative, not MNIST-C's additive shift).</summary>
    public static Tensor Brightness(Tensor images, double factor)
    {
        MiniBatches.CheckImages(images);
        if (!(factor > 0) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the brightness factor must be a finite number > 0");
        }
        using var scaled = images.mul(factor);
        return scaled.clamp(0, 1);
    }

    /// <summary>
    /// torchvision's <c>gaussian_blur</c>: k×k separable kernel with taps at integer offsets, reflect padding
    /// by k//2 (so the output keeps its size). σ ≤ 0 is an error.
    /// </summary>
    public static Tensor GaussianBlur(Tensor images, double sigma, int kernelSize = 5) =>
        GaussianKernel.Filter(images, (IReadOnlyList<double>)GaussianKernel.Taps(sigma, kernelSize));

    /// <summary>
    /// x' = clamp(x + n, 0, 1) with n ~ N(0, σ²) i.i.d. per pixel, no quantisation. The noise is drawn on the
    /// generator's device and then moved to the images', so a seed gives the same noise on CPU and GPU.
    /// </summary>
    public static Tensor GaussianNoise(Tensor images, double sigma, Generator generator)
    {
        MiniBatches.CheckImages(images);
        ArgumentNullException.ThrowIfNull(generator);
        if (!(sigma >= 0) || double.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "the noise σ must be a finite number ≥ 0");
        }
        using var scope = torch.NewDisposeScope();
        var standard = torch.randn(images.shape, images.dtype, generator.device, generator: generator);
        var noise = standard.to(images.device).mul(sigma);
        return images.add(noise).clamp(0, 1).MoveToOuterDisposeScope();
    }
}
