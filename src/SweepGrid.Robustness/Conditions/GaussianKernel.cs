
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Separable Gaussian kernels and the reflect-padded depthwise convolution that applies them, as
/// torchvision's <c>gaussian_blur</c> does: 1-D taps wⱼ ∝ exp(−½(xⱼ/σ)²) normalised to sum 1, the 2-D
/// kernel their outer product, the image padded by k//2 on every side in REFLECT mode.
/// </summary>
public static class GaussianKernel
{
    /// <summary>torchvision's taps: positions xⱼ at the integer offsets −(k−1)/2 … (k−1)/2.</summary>
    public static double[] Taps(double sigma, int kernelSize) => Taps(sigma, kernelSize, (kernelSize - 1) / 2.0);

    /// <summary>
    /// Taps sampled at k evenly spaced positions from −<paramref name="halfWidth"/> to +<paramref name="halfWidth"/>
    /// (seed 004's low-pass filters spread every kernel size over (−3, 3)).
    /// </summary>
    public static double[] Taps(double sigma, int kernelSize, double halfWidth)
    {
        if (!(sigma > 0) || double.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "the Gaussian σ must be a finite number > 0");
        }
        if (kernelSize < 1 || kernelSize % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "the kernel size must be a positive odd number");
        }
        if (!(halfWidth >= 0) || double.IsInfinity(halfWidth))
        {
            throw new ArgumentOutOfRangeException(nameof(halfWidth), halfWidth, "the half-width of the tap positions must be finite and ≥ 0");
        }
        var taps = new double[kernelSize];
        var total = 0.0;
        for (var j = 0; j < kernelSize; j++)
        {
            var x = kernelSize == 1 ? 0 : -halfWidth + (2 * halfWidth * j / (kernelSize - 1));
            taps[j] = Math.Exp(-0.5 * (x / sigma) * (x / sigma));
            total += taps[j];
        }
        for (var j = 0; j < kernelSize; j++)
        {
            taps[j] /= total;
        }
        return taps;
    }

    /// <summary>The 2-D kernel (outer product of the taps) as a float32 tensor [1, 1, k, k].</summary>
    public static Tensor Kernel2d(IReadOnlyList<double> taps)
    {
        ArgumentNullException.ThrowIfNull(taps);
        var k = taps.Count;
        var values = new float[k * k];
        for (var row = 0; row < k; row++)
        {
            for (var column = 0; column < k; column++)
            {
                values[(row * k) + column] = (float)(taps[row] * taps[column]);
            }
        }
        return torch.tensor(values, 1, 1, k, k);
    }

    /// <summary>Blurs every channel of [N, C, H, W] images with a [1, 1, k, k] kernel: reflect pad k//2, then depthwise conv2d.</summary>
    public static Tensor Filter(Tensor images, Tensor kernel2d)
    {
        MiniBatches.CheckImages(images);
        ArgumentNullException.ThrowIfNull(kernel2d);
        var k = kernel2d.shape[^1];
        var pad = k / 2;
        var shape = images.shape;
        if (pad >= shape[2] || pad >= shape[3])
        {
            throw new ArgumentException($"reflect padding by {pad} needs images larger than {pad}×{pad}; got {shape[2]}×{shape[3]}", nameof(images));
        }
        var channels = shape[1];
        using var typed = kernel2d.to(images.dtype, images.device);
        using var weight = typed.expand(channels, 1, k, k);
        using var padded = nn.functional.pad(images, (pad, pad, pad, pad), PaddingModes.Reflect);
        return nn.functional.conv2d(padded, weight, groups: channels);
    }

    /// <summary>Blurs with the separable kernel built from <paramref name="taps"/>.</summary>
    public static Tensor Filter(Tensor images, IReadOnlyList<double> taps)
    {
        using var kernel = Kernel2d(taps);
        return Filter(images, kernel);
    }
}
