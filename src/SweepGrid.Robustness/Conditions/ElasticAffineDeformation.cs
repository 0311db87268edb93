
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Seeded elastic + affine deformation of digit images: the "deformed" test condition that stands in for
/// AlignMNIST (seed 000), which is not available.
/// </summary>
/// <remarks>
/// Each output pixel p (column x, row y, centre c) reads the input, bilinearly and with zeros outside, at
/// q = c + s·R(θ)·[[1, h], [0, 1]]·(p − c) + t + α·G_σ * u(p), with θ, s, h, t drawn per image from
/// <see cref="DeformationOptions"/> and u ~ U(−1, 1)² per pixel (Simard et al.). The parameters describe
/// this sampling map (output → input); their ranges are symmetric around the identity, so it is the
/// same family as the forward transforms. Random numbers come from the generator (a CPU one for the seed
/// overload, whatever the images' device), batch by batch of <see cref="BatchSize"/> images (parameters
/// first, then the field), so the result depends only on the seed, the options and the images.
/// </remarks>
public static class ElasticAffineDeformation
{
    /// <summary>Images deformed per draw; fixed because it orders the random stream.</summary>
    public const int BatchSize = 1000;

    /// <summary>Deforms [N, C, H, W] images in [0, 1]; the same seed and options give the same images.</summary>
    public static Tensor Apply(Tensor images, ulong seed, DeformationOptions? options = null)
    {
        using var generator = new Generator(seed);
        return Apply(images, generator, options);
    }

    /// <summary>Deforms with draws from a CPU <paramref name="generator"/>, continuing its stream.</summary>
    public static Tensor Apply(Tensor images, Generator generator, DeformationOptions? options = null)
    {
        MiniBatches.CheckImages(images);
        ArgumentNullException.ThrowIfNull(generator);
        var o = options ?? DeformationOptions.Default;
        o.Validate();
        var output = torch.empty(images.shape, images.dtype, images.device);
        using var noGrad = torch.no_grad();
        foreach (var (start, length) in MiniBatches.Ranges(images.shape[0], BatchSize))
        {
            using var scope = torch.NewDisposeScope();
            var batch = images.narrow(0, start, length);
            var (sourceX, sourceY) = SourceCoordinates(batch, generator, o);
            var deformed = BilinearSampler.Sample(batch, sourceX, sourceY).clamp(0, 1);
            output.narrow(0, start, length).copy_(deformed);
        }
        return output;
    }

    private static (Tensor X, Tensor Y) SourceCoordinates(Tensor batch, Generator generator, DeformationOptions o)
    {
        var shape = batch.shape;
        long n = shape[0], h = shape[2], w = shape[3];
        var dtype = batch.dtype;
        var device = batch.device;

        var affine = AffineParameters(n, generator, o).to(dtype, device);
        var m00 = affine.narrow(1, 0, 1);
        var m01 = affine.narrow(1, 1, 1);
        var m10 = affine.narrow(1, 2, 1);
        var m11 = affine.narrow(1, 3, 1);
        var tx = affine.narrow(1, 4, 1);
        var ty = affine.narrow(1, 5, 1);

        var index = torch.arange(0, h * w, dtype: dtype, device: device).unsqueeze(0);
        var row = (index / w).floor();
        var column = index - (row * w);
        var gx = column - ((w - 1) / 2.0);
        var gy = row - ((h - 1) / 2.0);

        var field = ElasticField(n, h, w, generator, o, dtype, device);
        var sourceX = (m00 * gx) + (m01 * gy) + tx + ((w - 1) / 2.0) + field.select(1, 0).reshape(n, h * w);
        var sourceY = (m10 * gx) + (m11 * gy) + ty + ((h - 1) / 2.0) + field.select(1, 1).reshape(n, h * w);
        return (sourceX, sourceY);
    }

    /// <summary>
    /// Per image [m00, m01, m10, m11, tx, ty] of the sampling map, as float64 on the CPU. Five uniform draws
    /// per image (rotation, scale, shear, tx, ty); the trigonometry is per image, not per pixel, so it is
    /// done here rather than in libtorch.
    /// </summary>
    private static Tensor AffineParameters(long n, Generator generator, DeformationOptions o)
    {
        using var drawn = torch.rand([n, 5], ScalarType.Float64, generator.device, generator: generator);
        using var onCpu = drawn.to(torch.CPU);
        var u = onCpu.data<double>().ToArray();
        var result = new double[n * 6];
        for (var i = 0; i < n; i++)
        {
            double Symmetric(int k, double range) => ((2 * u[(i * 5) + k]) - 1) * range;
            var theta = Symmetric(0, o.MaxRotationDegrees * Math.PI / 180);
            var scale = 1 + Symmetric(1, o.MaxScaleChange);
            var shear = Symmetric(2, o.MaxShear);
            var (sin, cos) = Math.SinCos(theta);
            // s·R(θ)·[[1, h], [0, 1]]
            result[(i * 6) + 0] = scale * cos;
            result[(i * 6) + 1] = scale * ((cos * shear) - sin);
            result[(i * 6) + 2] = scale * sin;
            result[(i * 6) + 3] = scale * ((sin * shear) + cos);
            result[(i * 6) + 4] = Symmetric(3, o.MaxTranslation);
            result[(i * 6) + 5] = Symmetric(4, o.MaxTranslation);
        }
        return torch.tensor(result, n, 6);
    }

    private static Tensor ElasticField(long n, long h, long w, Generator generator, DeformationOptions o, ScalarType dtype, Device device)
    {
        var raw = (torch.rand([n, 2, h, w], ScalarType.Float32, generator.device, generator: generator).to(dtype, device) * 2) - 1;
        // 2·⌈3σ⌉ + 1 taps, capped so that the reflect padding stays inside the image.
        var size = (int)Math.Max(1, Math.Min((2 * Math.Ceiling(3 * o.ElasticSigma)) + 1, (2 * (Math.Min(h, w) - 1)) + 1));
        var taps = GaussianKernel.Taps(o.ElasticSigma, size);
        return GaussianKernel.Filter(raw, (IReadOnlyList<double>)taps) * o.ElasticAlpha;
    }
}
