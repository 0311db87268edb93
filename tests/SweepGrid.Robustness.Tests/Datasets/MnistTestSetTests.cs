using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Tests.Support;

namespace SweepGrid.Robustness.Tests.Datasets;

/// <summary>The real MNIST test split from the shared data folder (10,000 images; the 60k file is not loaded here).</summary>
public sealed class MnistTestSetTests
{
    private static string ImagesPath => Path.Combine(TestData.MnistDirectory, "t10k-images-idx3-ubyte.gz");

    private static string LabelsPath => Path.Combine(TestData.MnistDirectory, "t10k-labels-idx1-ubyte.gz");

    private static ImageDataset Load() => DatasetCache.Open(DatasetCatalog.Mnist, DataSplit.Test, TestData.MnistDirectory);

    [Fact]
    public void Test_split_holds_ten_thousand_28_by_28_uint8_images()
    {
        var mnist = Load();

        Assert.Equal(10_000, mnist.Count);
        Assert.Equal([10_000L, 28, 28], mnist.Images.shape);
        Assert.Equal(ScalarType.Byte, mnist.Images.dtype);
        Assert.Equal([10_000L], mnist.Labels.shape);
        Assert.Equal(ScalarType.Int64, mnist.Labels.dtype);
        Assert.Equal("mnist/test", mnist.Name);
    }

    [Fact]
    public void Label_histogram_is_the_published_one()
    {
        var histogram = new long[10];
        foreach (var label in Load().Labels.data<long>().ToArray())
        {
            histogram[label]++;
        }

        Assert.Equal([980L, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], histogram);
    }

    [Fact]
    public void Mean_pixel_is_mnist_test_mean()
    {
        using var scope = torch.NewDisposeScope();
        var mean = Load().Images.to(ScalarType.Float32).mean().item<float>() / 255.0;

        Assert.True(Math.Abs(mean - 0.1325) <= 0.001, $"mean pixel of the MNIST test set should be 0.1325 ± 0.001, got {mean:F5}");
    }

    [Fact]
    public void Batch_gathers_the_same_pixels_as_the_file_bytes()
    {
        var mnist = Load();
        var fromFile = IdxReader.ReadImages(ImagesPath).Pixels;
        var fileLabels = IdxReader.ReadLabels(LabelsPath);
        long[] picks = [4242, 0, 9999, 1];
        using var scope = torch.NewDisposeScope();

        var (images, labels) = mnist.Batch(torch.tensor(picks, [4]), torch.CPU);

        Assert.Equal([4L, 1, 28, 28], images.shape);
        Assert.Equal(ScalarType.Float32, images.dtype);
        var got = images.data<float>().ToArray();
        for (var b = 0; b < picks.Length; b++)
        {
            for (var p = 0; p < 784; p++)
            {
                var expected = fromFile[(picks[b] * 784) + p] / 255f;
                Assert.True(got[(b * 784) + p] == expected, $"image {picks[b]} pixel {p}: expected {expected} (byte / 255), got {got[(b * 784) + p]}");
            }
        }
        Assert.Equal(picks.Select(i => (long)fileLabels[i]), labels.data<long>().ToArray());
    }

    [Fact]
    public void Unpacked_and_gzip_test_images_have_the_same_fingerprint()
    {
        using var dir = new TempDirectory();
        var rawImages = dir.File("t10k-images-idx3-ubyte");
        var rawLabels = dir.File("t10k-labels-idx1-ubyte");
        foreach (var (from, to) in new[] { (ImagesPath, rawImages), (LabelsPath, rawLabels) })
        {
            using var input = IdxReader.Open(from, out var compressed);
            Assert.True(compressed, $"{from} should be gzip-compressed");
            using var output = File.Create(to);
            input.CopyTo(output);
        }

        using var unpacked = ImageDataset.FromIdxFiles(rawImages, rawLabels);

        Assert.Equal(Load().Fingerprint, unpacked.Fingerprint);
    }
}
