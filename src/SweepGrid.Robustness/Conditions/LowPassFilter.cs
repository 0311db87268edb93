
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Seed 004's low-pass pre-processing stage: optional additive Gaussian noise (which breaks up the regions
/// that gradient-sign noise pushes in one direction), then a k×k Gaussian blur with reflect padding.
/// Runs the same in train and eval mode: it is part of the deployed pipeline, not a regulariser.
/// </summary>
/// <remarks>
/// Seed 004 fills every kernel with a Gaussian "defined in range (−3, 3)": the k taps sit at k evenly spaced
/// positions from −3 to 3 (not at integer offsets as in torchvision), with variances 7, 1.3 and 0.6 for
/// k = 3, 5 and 7; <see cref="ForSeed004"/> builds exactly those. The kernel is a buffer, so
/// <c>Module.to(device)</c> moves it with the model.
/// </remarks>
public sealed class LowPassFilter : Module
{
    private readonly Tensor kernel;
    private readonly Generator? noiseGenerator;

    /// <param name="kernelSize">Odd kernel size k.</param>
    /// <param name="variance">Variance σ² of the Gaussian, in the units of the tap positions.</param>
    /// <param name="tapHalfWidth">Taps at k evenly spaced positions in [−a, a]; (k − 1)/2 gives torchvision's integer offsets.</param>
    /// <param name="noiseSigma">σ of the Gaussian noise added (and clamped to [0, 1]) before filtering; 0 for none.</param>
    /// <param name="noiseGenerator">Seeded source of that noise; required when <paramref name="noiseSigma"/> &gt; 0.</param>
    public LowPassFilter(int kernelSize, double variance, double tapHalfWidth, double noiseSigma = 0, Generator? noiseGenerator = null) : base(nameof(LowPassFilter))
    {
        if (!(variance > 0) || double.IsInfinity(variance))
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "the filter variance must be a finite number > 0");
        }
        if (!(noiseSigma >= 0) || double.IsInfinity(noiseSigma))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseSigma), noiseSigma, "the noise σ must be a finite number ≥ 0");
        }
        if (noiseSigma > 0 && noiseGenerator is null)
        {
            throw new ArgumentException("a seeded generator is required when the filter adds noise", nameof(noiseGenerator));
        }
        KernelSize = kernelSize;
        Variance = variance;
        NoiseSigma = noiseSigma;
        Taps = GaussianKernel.Taps(Math.Sqrt(variance), kernelSize, tapHalfWidth);
        this.noiseGenerator = noiseGenerator;
        kernel = GaussianKernel.Kernel2d(Taps).DetachFromDisposeScope();
        register_buffer("kernel", kernel);
    }

    public int KernelSize { get; }

    public double Variance { get; }

    public double NoiseSigma { get; }

    /// <summary>The normalised 1-D taps; the 2-D kernel is their outer product.</summary>
    public IReadOnlyList<double> Taps { get; }

    /// <summary>Seed 004's filters: k = 3, 5, 7 with variances 7, 1.3, 0.6 over tap positions in (−3, 3).</summary>
    public static LowPassFilter ForSeed004(int kernelSize, double noiseSigma = 0, Generator? noiseGenerator = null)
    {
        var variance = kernelSize switch
        {
            3 => 7.0,
            5 => 1.3,
            7 => 0.6,
            _ => throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "seed 004 defines low-pass filters of size 3, 5 and 7 only"),
        };
        return new LowPassFilter(kernelSize, variance, tapHalfWidth: 3, noiseSigma, noiseGenerator);
    }

    public override Tensor forward(Tensor input)
    {
        if (NoiseSigma == 0)
        {
            return GaussianKernel.Filter(input, kernel);
        }
        using var noisy = Corruptions.GaussianNoise(input, NoiseSigma, noiseGenerator!);
        return GaussianKernel.Filter(noisy, kernel);
    }
}
