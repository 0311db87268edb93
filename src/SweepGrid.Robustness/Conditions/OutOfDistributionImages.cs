
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Synthetic out-of-distribution inputs shaped like the test images, following Hendrycks' outlier-exposure
/// code translated to [0, 1] pixels: uniform noise U(0, 1), and Gaussian noise N(0.5, 0.25²) clipped to
/// [0, 1] (his N(0, 0.5²) clipped to [−1, 1]). Seeded: the same generator state gives the same images.
/// </summary>
public static class OutOfDistributionImages
{
    private static readonly long[] MnistImage = [1, 28, 28];

    /// <summary>[count, C, H, W] with every pixel ~ U(0, 1); <paramref name="imageShape"/> defaults to MNIST's [1, 28, 28].</summary>
    public static Tensor Uniform(long count, Generator generator, IReadOnlyList<long>? imageShape = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        using var drawn = torch.rand(Shape(count, imageShape), ScalarType.Float32, generator.device, generator: generator);
        return drawn.to(device ?? torch.CPU);
    }

    /// <summary>[count, C, H, W] with every pixel clamp(N(mean, std²), 0, 1).</summary>
    public static Tensor Gaussian(long count, Generator generator, double mean = 0.5, double std = 0.25, IReadOnlyList<long>? imageShape = null,
        Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (!(std >= 0) || double.IsInfinity(std) || !double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, "the Gaussian noise needs a finite mean and a finite std ≥ 0");
        }
        using var scope = torch.NewDisposeScope();
        var standard = torch.randn(Shape(count, imageShape), ScalarType.Float32, generator.device, generator: generator);
        return ((standard * std) + mean).clamp(0, 1).to(device ?? torch.CPU).MoveToOuterDisposeScope();
    }

    private static long[] Shape(long count, IReadOnlyList<long>? imageShape)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "the number of images must be ≥ 0");
        }
        var image = imageShape ?? MnistImage;
        if (image.Count != 3 || image.Any(d => d < 1))
        {
            throw new ArgumentException($"the image shape must be [C, H, W] with positive sizes; got [{string.Join(", ", image)}]", nameof(imageShape));
        }
        return [count, .. image];
    }
}
