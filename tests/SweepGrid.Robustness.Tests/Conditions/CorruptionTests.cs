using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

public class CorruptionTests
{
    [Fact]
    public void Brightness_multiplies_and_clamps_to_the_unit_interval()
    {
        using var images = torch.tensor(new float[] { 0f, 0.5f, 0.9f, 1f }, [1, 1, 2, 2]);
        using var brighter = Corruptions.Brightness(images, 1.2);
        using var darker = Corruptions.Brightness(images, 0.8);
        AssertClose([0f, 0.6f, 1f, 1f], brighter.data<float>().ToArray(), 1e-6, "brightness 1.2 = clamp(1.2·x, 0, 1)");
        AssertClose([0f, 0.4f, 0.72f, 0.8f], darker.data<float>().ToArray(), 1e-6, "brightness 0.8 = 0.8·x");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Brightness_rejects_factors_that_are_not_positive(double factor)
    {
        using var images = torch.zeros([1, 1, 4, 4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Corruptions.Brightness(images, factor));
    }

    [Theory]
    [InlineData(0.5, new[] { 0.000264, 0.106451, 0.786571, 0.106451, 0.000264 })]
    [InlineData(1.0, new[] { 0.054489, 0.244201, 0.402620, 0.244201, 0.054489 })]
    public void Blur_taps_match_the_reference_kernels_of_the_definitions(double sigma, double[] expected)
    {
        var taps = GaussianKernel.Taps(sigma, 5);
        for (var j = 0; j < 5; j++)
        {
            Assert.True(Math.Abs(taps[j] - expected[j]) < 1e-6, $"σ = {sigma}: tap {j} should be {expected[j]}, got {taps[j]}");
        }
    }

    [Fact]
    public void Blur_of_an_impulse_is_the_outer_product_of_the_taps()
    {
        var pixels = new float[28 * 28];
        pixels[(14 * 28) + 14] = 1;
        using var image = torch.tensor(pixels, [1, 1, 28, 28]);
        using var blurred = Corruptions.GaussianBlur(image, 0.7);
        var output = blurred.data<float>().ToArray();
        var taps = GaussianKernel.Taps(0.7, 5);
        for (var i = -2; i <= 2; i++)
        {
            for (var j = -2; j <= 2; j++)
            {
                var expected = taps[i + 2] * taps[j + 2];
                var actual = output[((14 + i) * 28) + 14 + j];
                Assert.True(Math.Abs(expected - actual) < 1e-7, $"offset ({i}, {j}) should be {expected}, got {actual}");
            }
        }
        Assert.True(Math.Abs(output.Sum() - 1) < 1e-6, "the blur must preserve the total intensity of an interior impulse");
    }

    [Fact]
    public void Blur_reflects_at_the_border_rather_than_padding_with_zeros()
    {
        // An impulse at (1, 1) seen from the corner (0, 0): reflect padding mirrors row/column 1 to −1, so
        // the corner collects taps t₁ (offset −1) and t₃ (the mirrored +1) on each axis: (t₁ + t₃)².
        var pixels = new float[6 * 6];
        pixels[(1 * 6) + 1] = 1;
        using var image = torch.tensor(pixels, [1, 1, 6, 6]);
        using var blurred = Corruptions.GaussianBlur(image, 0.9);
        var taps = GaussianKernel.Taps(0.9, 5);
        var expected = Math.Pow(taps[1] + taps[3], 2);
        var actual = blurred.data<float>().ToArray()[0];
        Assert.True(Math.Abs(expected - actual) < 1e-7, $"corner should be (t1 + t3)^2 = {expected} with reflect padding, got {actual}");
    }

    [Fact]
    public void Blur_matches_torchvision_gaussian_blur_reimplemented_in_pytorch()
    {
        double[] sigmas = [0.3, 0.5, 0.7, 0.9, 1.0];
        using var parity = new PythonParity();
        using var generator = new Generator(2024);
        using var images = torch.rand([2, 3, 28, 28], generator: generator);
        parity.Write("images", images.data<float>().ToArray());
        parity.Run("blur", new { shape = images.shape, sigmas, kernel_size = 5 });
        for (var i = 0; i < sigmas.Length; i++)
        {
            var sigma = sigmas[i];
            using var blurred = Corruptions.GaussianBlur(images, sigma);
            var difference = TinyNetworks.MaxAbsDifference(parity.Read($"blur_{i}"), blurred.data<float>().ToArray());
            Assert.True(difference < 1e-6, $"blur σ = {sigma}: max |C# − torchvision| should be < 1e-6, got {difference}");
            var tapDifference = TinyNetworks.MaxAbsDifference(parity.Read($"taps_{i}"), GaussianKernel.Taps(sigma, 5).Select(t => (float)t).ToArray());
            Assert.True(tapDifference < 1e-6, $"blur σ = {sigma}: taps differ from torchvision's float32 taps by {tapDifference}");
        }
    }

    [Theory]
    [InlineData(0.0, 5)]
    [InlineData(-1.0, 5)]
    [InlineData(0.5, 4)]
    [InlineData(0.5, 0)]
    public void Blur_rejects_non_positive_sigma_and_even_kernel_sizes(double sigma, int kernelSize)
    {
        using var images = torch.zeros([1, 1, 8, 8]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Corruptions.GaussianBlur(images, sigma, kernelSize));
    }

    [Fact]
    public void Noise_is_seeded_clamped_and_has_the_requested_spread()
    {
        using var gray = torch.full([50, 1, 28, 28], 0.5);
        using var first = NoiseWithSeed(gray, 0.1, 7);
        using var again = NoiseWithSeed(gray, 0.1, 7);
        using var other = NoiseWithSeed(gray, 0.1, 8);
        Assert.Equal(first.data<float>().ToArray(), again.data<float>().ToArray());
        Assert.NotEqual(first.data<float>().ToArray(), other.data<float>().ToArray());

        var values = first.data<float>().ToArray();
        var mean = values.Average(v => (double)v);
        var std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.True(Math.Abs(mean - 0.5) < 0.005, $"noise mean should be ≈ 0.5, got {mean}");
        Assert.True(Math.Abs(std - 0.1) < 0.005, $"noise std should be ≈ σ = 0.1, got {std}");

        using var strong = NoiseWithSeed(gray, 2.0, 7);
        var clamped = strong.data<float>().ToArray();
        Assert.True(clamped.Min() == 0f && clamped.Max() == 1f, "σ = 2 noise must be clamped to exactly [0, 1]");
    }

    private static Tensor NoiseWithSeed(Tensor images, double sigma, ulong seed)
    {
        using var generator = new Generator(seed);
        return Corruptions.GaussianNoise(images, sigma, generator);
    }

    internal static void AssertClose(float[] expected, float[] actual, double tolerance, string what)
    {
        var difference = TinyNetworks.MaxAbsDifference(expected, actual);
        Assert.True(difference <= tolerance, $"{what}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
    }
}
