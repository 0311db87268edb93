using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

public class DeformationTests
{
    [Fact]
    public void Same_seed_gives_the_same_deformation_and_another_seed_a_different_one()
    {
        using var digits = SyntheticDigits();
        using var first = ElasticAffineDeformation.Apply(digits, 11);
        using var again = ElasticAffineDeformation.Apply(digits, 11);
        using var other = ElasticAffineDeformation.Apply(digits, 12);
        Assert.Equal(first.data<float>().ToArray(), again.data<float>().ToArray());
        var difference = TinyNetworks.MaxAbsDifference(first.data<float>().ToArray(), other.data<float>().ToArray());
        Assert.True(difference > 0.1, $"seeds 11 and 12 should deform differently; max difference was {difference}");
    }

    [Fact]
    public void Deformed_digits_stay_recognisably_the_same_but_do_move()
    {
        using var digits = SyntheticDigits();
        using var copies = torch.cat([digits, digits, digits, digits, digits], 0);
        using var deformed = ElasticAffineDeformation.Apply(copies, 3);
        Assert.Equal(copies.shape, deformed.shape);
        var original = copies.data<float>().ToArray();
        var moved = deformed.data<float>().ToArray();
        Assert.True(moved.Min() >= 0 && moved.Max() <= 1, "deformed pixels must stay in [0, 1]");
        var correlations = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var a = original.AsSpan(i * 784, 784).ToArray();
            var b = moved.AsSpan(i * 784, 784).ToArray();
            correlations.Add(Correlation(a, b));
            var change = a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
            Assert.True(change > 0.01, $"image {i}: the deformation should change the image (mean |Δ| = {change:F4})");
        }
        // Thin three-pixel strokes lose correlation quickly under a shift; an indexing or orientation error drops it to ≈ 0.
        Assert.True(correlations.Average() > 0.6, $"mean correlation with the originals should exceed 0.6, got {correlations.Average():F3}");
        Assert.True(correlations.Min() > 0.2, $"every deformed digit should keep a correlation above 0.2, lowest {correlations.Min():F3}");
    }

    [Fact]
    public void Zero_ranges_give_back_the_image_exactly()
    {
        var none = new DeformationOptions { MaxRotationDegrees = 0, MaxScaleChange = 0, MaxShear = 0, MaxTranslation = 0, ElasticAlpha = 0 };
        using var digits = SyntheticDigits();
        using var same = ElasticAffineDeformation.Apply(digits, 5, none);
        Assert.Equal(digits.data<float>().ToArray(), same.data<float>().ToArray());
    }

    [Fact]
    public void Bilinear_sampling_half_way_between_pixels_averages_them_and_reads_zero_outside()
    {
        using var image = torch.tensor(new float[] { 0f, 1f, 0.5f, 0.25f }, [1, 1, 2, 2]);
        // Output pixels read at (x + 0.5, y): row 0 → between 0 and 1, then half outside; row 1 likewise.
        using var sourceX = torch.tensor(new float[] { 0.5f, 1.5f, 0.5f, 1.5f }, [1, 4]);
        using var sourceY = torch.tensor(new float[] { 0f, 0f, 1f, 1f }, [1, 4]);
        using var sampled = BilinearSampler.Sample(image, sourceX, sourceY);
        CorruptionTests.AssertClose([0.5f, 0.5f, 0.375f, 0.125f], sampled.data<float>().ToArray(), 1e-6, "bilinear samples");
    }

    [Fact]
    public void Options_outside_their_ranges_are_rejected()
    {
        using var digits = SyntheticDigits();
        Assert.Throws<ArgumentOutOfRangeException>(() => ElasticAffineDeformation.Apply(digits, 1, new DeformationOptions { MaxScaleChange = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ElasticAffineDeformation.Apply(digits, 1, new DeformationOptions { ElasticSigma = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ElasticAffineDeformation.Apply(digits, 1, new DeformationOptions { MaxTranslation = -1 }));
    }

    /// <summary>Four stroke drawings in the style of MNIST digits: a ring, a bar, a cross and an "L".</summary>
    internal static Tensor SyntheticDigits()
    {
        var pixels = new float[4 * 784];
        for (var y = 0; y < 28; y++)
        {
            for (var x = 0; x < 28; x++)
            {
                double dx = x - 13.5, dy = y - 13.5;
                var ring = Stroke(Math.Abs(Math.Sqrt((dx * dx) + (dy * dy)) - 8));
                var bar = y is >= 5 and <= 22 ? Stroke(Math.Abs(dx)) : 0;
                var cross = Math.Max(Stroke(Math.Abs(dx - dy) / Math.Sqrt(2)), Stroke(Math.Abs(dx + dy) / Math.Sqrt(2))) * (Math.Abs(dx) < 9 ? 1 : 0);
                var ell = Math.Max(x is >= 8 and <= 20 ? Stroke(Math.Abs(y - 21)) : 0, y is >= 6 and <= 21 ? Stroke(Math.Abs(x - 8)) : 0);
                float[] values = [(float)ring, (float)bar, (float)cross, (float)ell];
                for (var i = 0; i < 4; i++)
                {
                    pixels[(i * 784) + (y * 28) + x] = values[i];
                }
            }
        }
        return torch.tensor(pixels, [4, 1, 28, 28]);
    }

    // A pen stroke about three pixels wide with soft edges, as in MNIST.
    private static double Stroke(double distance) => Math.Clamp(2 - distance, 0, 1);

    private static double Correlation(float[] a, float[] b)
    {
        double ma = a.Average(v => (double)v), mb = b.Average(v => (double)v);
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}
