using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Tests.Support;

namespace SweepGrid.Robustness.Tests.Datasets;

public sealed class ManifestTests
{
    [Theory]
    [InlineData("t10k-images-idx3-ubyte.gz")]
    [InlineData("t10k-labels-idx1-ubyte.gz")]
    [InlineData("train-labels-idx1-ubyte.gz")]
    public void Shared_mnist_file_matches_the_manifest_sha256(string fileName)
    {
        var entry = DatasetCatalog.Mnist.AllFiles.Single(f => f.FileName == fileName);
        var path = Path.Combine(TestData.MnistDirectory, fileName);

        var (matches, _, actual) = FileChecksums.Check(path, entry);

        Assert.True(matches, $"{path}: {actual}");
        Assert.Equal(entry.Sha256, FileChecksums.Sha256(path));
    }

    [Fact]
    public void Reconstructed_training_images_are_accepted_by_their_own_sha256()
    {
        var entry = DatasetCatalog.Mnist.Train.Images;
        var path = Path.Combine(TestData.MnistDirectory, entry.FileName);

        FileChecksums.Verify(path, entry);

        Assert.NotEqual(entry.Sha256, FileChecksums.Sha256(path));
    }

    [Fact]
    public void Tampered_file_fails_verification_naming_file_and_digests()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t10k-labels-idx1-ubyte.gz");
        var bytes = File.ReadAllBytes(Path.Combine(TestData.MnistDirectory, "t10k-labels-idx1-ubyte.gz"));
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<DatasetException>(() => FileChecksums.Verify(path, DatasetCatalog.Mnist.Test.Labels));

        // The last byte is part of the gzip trailer (length modulo 2^32), which the decompressor checks.
        Assert.Equal(DatasetFailure.CorruptCompression, e.Failure);
        Assert.StartsWith(path + ": corrupt gzip data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Md5_is_used_when_no_sha256_is_recorded()
    {
        using var dir = new TempDirectory();
        var path = dir.File("file.bin");
        File.WriteAllText(path, "abc");

        var (matches, algorithm, actual) = FileChecksums.Check(path, new DatasetFile("file.bin", null, "900150983cd24fb0d6963f7d28e17f72"));

        Assert.True(matches, $"MD5 of 'abc' is 900150983cd24fb0d6963f7d28e17f72, got {actual}");
        Assert.Equal("MD5", algorithm);
    }

    [Theory]
    [InlineData("mnist", "https://ossci-datasets.s3.amazonaws.com/mnist/t10k-images-idx3-ubyte.gz")]
    [InlineData("Fashion-MNIST", "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-images-idx3-ubyte.gz")]
    [InlineData("kmnist", "http://codh.rois.ac.jp/kmnist/dataset/kmnist/t10k-images-idx3-ubyte.gz")]
    public void Catalog_names_map_to_official_files_and_mirrors(string name, string firstTestImagesUrl)
    {
        var dataset = DatasetCatalog.Get(name);

        Assert.Equal(firstTestImagesUrl, dataset.UrlsOf(dataset.Test.Images)[0].AbsoluteUri);
        Assert.Equal(10, dataset.ClassCount);
        Assert.All(dataset.AllFiles, f => Assert.True(f.Sha256 is not null || f.Md5 is not null, $"{dataset.Name}/{f.FileName} has no checksum"));
    }

    [Fact]
    public void Mirrors_are_configurable_data()
    {
        var local = DatasetCatalog.FashionMnist with { Mirrors = [new Uri("http://127.0.0.1:8080/fashion")] };

        Assert.Equal("http://127.0.0.1:8080/fashion/train-labels-idx1-ubyte.gz", local.UrlsOf(local.Train.Labels).Single().AbsoluteUri);
    }

    [Fact]
    public void Unknown_dataset_name_lists_the_known_ones()
    {
        var e = Assert.Throws<DatasetException>(() => DatasetCatalog.Get("cifar10"));

        Assert.Equal(DatasetFailure.UnknownDataset, e.Failure);
        Assert.Contains("'cifar10'", e.Message, StringComparison.Ordinal);
        Assert.Contains("mnist, fashion-mnist, kmnist", e.Message, StringComparison.Ordinal);
    }
}
