using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

/// <summary>Debian's dataset-fashion-mnist is found without a download, after the data directory.</summary>
public class SystemDatasetTests
{
    [Fact]
    public void Fashion_mnist_is_looked_for_in_debians_folder_after_the_data_directory()
    {
        using var dir = new TempDirectory();
        var file = DatasetCatalog.FashionMnist.Files(DataSplit.Test).Images;

        var candidates = DataDirectory.Candidates(DatasetCatalog.FashionMnist, file, dir.Path);

        Assert.Equal(Path.Combine(dir.Path, "fashion-mnist", file.FileName), candidates[0]);
        Assert.Equal(Path.Combine("/usr/share/datasets/fashion-mnist", file.FileName), candidates[^2]);
        Assert.DoesNotContain(DataDirectory.Candidates(DatasetCatalog.Mnist, DatasetCatalog.Mnist.Files(DataSplit.Test).Images, dir.Path),
            c => c.StartsWith("/usr/share/datasets", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_installed_fashion_mnist_loads_as_ten_thousand_labelled_test_images()
    {
        const string Installed = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
        Skip.IfNot(File.Exists(Installed), $"{Installed} is not installed (apt-get install dataset-fashion-mnist; scripts/install-deps.sh does)");
        using var dir = new TempDirectory();

        var (images, labels) = DataDirectory.Locate(DatasetCatalog.FashionMnist, DataSplit.Test, dir.Path);
        using var dataset = ImageDataset.FromIdxFiles(images, labels, "fashion-mnist/test");

        Assert.Equal(Installed, images);
        Assert.Equal(10_000, dataset.Count);
        Assert.Equal((28, 28), (dataset.Height, dataset.Width));
    }
}
