using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

public sealed class SyntheticDigitsTests
{
    [Fact]
    public void Same_seed_gives_the_same_images_and_another_seed_different_ones()
    {
        using var a = SyntheticDigits.Generate(100, seed: 1);
        using var b = SyntheticDigits.Generate(100, seed: 1);
        using var c = SyntheticDigits.Generate(100, seed: 2);

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
        Assert.Equal([100L, 28, 28], a.Images.shape);
    }

    [Fact]
    public void Classes_are_balanced()
    {
        using var digits = SyntheticDigits.Generate(1000, seed: 4);

        var counts = digits.Labels.data<long>().ToArray().GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count());

        Assert.Equal(Enumerable.Repeat(100, 10), counts);
    }

    [Fact]
    public void Nearest_class_mean_separates_the_classes()
    {
        using var train = SyntheticDigits.Generate(1000, seed: 10);
        using var test = SyntheticDigits.Generate(500, seed: 11);
        var means = ClassMeans(train);

        var pixels = test.Images.data<byte>().ToArray();
        var labels = test.Labels.data<long>().ToArray();
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var image = new ArraySegment<byte>(pixels, i * 784, 784);
            var best = Enumerable.Range(0, 10).MinBy(c => Distance(image, means[c]));
            correct += best == labels[i] ? 1 : 0;
        }

        var accuracy = correct / (double)labels.Length;
        Assert.True(accuracy > 0.9, $"nearest-class-mean accuracy on held-out synthetic digits should exceed 0.9, got {accuracy:F3}");
    }

    private static double[][] ClassMeans(ImageDataset data)
    {
        var pixels = data.Images.data<byte>().ToArray();
        var labels = data.Labels.data<long>().ToArray();
        var sums = Enumerable.Range(0, 10).Select(_ => new double[784]).ToArray();
        var counts = new int[10];
        for (var i = 0; i < labels.Length; i++)
        {
            counts[labels[i]]++;
            for (var p = 0; p < 784; p++)
            {
                sums[labels[i]][p] += pixels[(i * 784) + p];
            }
        }
        return [.. sums.Select((s, c) => s.Select(v => v / counts[c]).ToArray())];
    }

    private static double Distance(ArraySegment<byte> image, double[] mean)
    {
        var sum = 0.0;
        for (var p = 0; p < mean.Length; p++)
        {
            var d = image[p] - mean[p];
            sum += d * d;
        }
        return sum;
    }
}
