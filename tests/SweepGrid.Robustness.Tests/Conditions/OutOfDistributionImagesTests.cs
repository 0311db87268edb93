using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

public class OutOfDistributionImagesTests
{
    [Fact]
    public void Uniform_noise_images_have_the_test_shape_and_repeat_for_a_seed()
    {
        using var first = Uniform(5, 21);
        using var again = Uniform(5, 21);
        using var other = Uniform(5, 22);
        Assert.Equal([5L, 1, 28, 28], first.shape);
        var values = first.data<float>().ToArray();
        Assert.True(values.Min() >= 0 && values.Max() < 1, "uniform noise lies in [0, 1)");
        Assert.True(Math.Abs(values.Average() - 0.5) < 0.02, $"uniform noise should average 0.5, got {values.Average()}");
        Assert.Equal(values, again.data<float>().ToArray());
        Assert.NotEqual(values, other.data<float>().ToArray());
    }

    [Fact]
    public void Gaussian_noise_images_are_clipped_to_the_unit_interval_around_mid_gray()
    {
        using var generator = new Generator(31);
        using var images = OutOfDistributionImages.Gaussian(20, generator, imageShape: [3, 8, 8]);
        Assert.Equal([20L, 3, 8, 8], images.shape);
        var values = images.data<float>().ToArray();
        Assert.True(values.Min() >= 0 && values.Max() <= 1, "clipped Gaussian noise lies in [0, 1]");
        Assert.True(Math.Abs(values.Average() - 0.5) < 0.02, $"Gaussian noise N(0.5, 0.25²) should average ≈ 0.5, got {values.Average()}");
        Assert.Contains(values, v => v == 0f);
    }

    private static Tensor Uniform(long count, ulong seed)
    {
        using var generator = new Generator(seed);
        return OutOfDistributionImages.Uniform(count, generator);
    }
}
