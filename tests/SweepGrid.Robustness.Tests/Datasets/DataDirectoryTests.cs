using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

public sealed class DataDirectoryTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Missing_dataset_names_the_searched_directory_and_how_to_get_the_data()
    {
        var e = Assert.Throws<DatasetException>(() => DatasetCache.Open("mnist", DataSplit.Test, dir.Path));

        Assert.Equal(DatasetFailure.Missing, e.Failure);
        Assert.Contains("t10k-images-idx3-ubyte.gz", e.Message, StringComparison.Ordinal);
        Assert.Contains($"data directory {dir.Path}", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir.Path, "mnist", "t10k-images-idx3-ubyte.gz"), e.Message, StringComparison.Ordinal);
        Assert.Contains("sweepgrid data download mnist", e.Message, StringComparison.Ordinal);
        Assert.Contains("--data DIR", e.Message, StringComparison.Ordinal);
        Assert.Contains("SWEEPGRID_DATA", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_found_in_the_dataset_subfolder_before_the_directory_itself()
    {
        var sub = Directory.CreateDirectory(Path.Combine(dir.Path, "mnist")).FullName;
        File.WriteAllBytes(Path.Combine(sub, "t10k-images-idx3-ubyte.gz"), []);
        File.WriteAllBytes(dir.File("t10k-images-idx3-ubyte.gz"), []);
        File.WriteAllBytes(dir.File("t10k-labels-idx1-ubyte"), []);

        var (images, labels) = DataDirectory.Locate(DatasetCatalog.Mnist, DataSplit.Test, dir.Path);

        Assert.Equal(Path.Combine(sub, "t10k-images-idx3-ubyte.gz"), images);
        Assert.Equal(dir.File("t10k-labels-idx1-ubyte"), labels);
    }

    [Fact]
    public void A_bare_folder_of_mnist_files_is_never_taken_for_another_dataset_with_the_same_file_names()
    {
        File.WriteAllBytes(dir.File("t10k-images-idx3-ubyte.gz"), []);
        File.WriteAllBytes(dir.File("t10k-labels-idx1-ubyte.gz"), []);

        var error = Assert.Throws<DatasetException>(() => DataDirectory.Locate(DatasetCatalog.Kmnist, DataSplit.Test, dir.Path));

        Assert.Equal(DatasetFailure.Missing, error.Failure);
        Assert.Contains(Path.Combine(dir.Path, "kmnist"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_dataset_is_found_in_a_sibling_folder_of_the_mnist_folder()
    {
        var mnist = Directory.CreateDirectory(Path.Combine(dir.Path, "mnist")).FullName;
        var fashion = Directory.CreateDirectory(Path.Combine(dir.Path, "fashion-mnist")).FullName;
        File.WriteAllBytes(Path.Combine(fashion, "t10k-images-idx3-ubyte.gz"), []);
        File.WriteAllBytes(Path.Combine(fashion, "t10k-labels-idx1-ubyte.gz"), []);

        var (images, _) = DataDirectory.Locate(DatasetCatalog.FashionMnist, DataSplit.Test, mnist);

        Assert.Equal(Path.Combine(fashion, "t10k-images-idx3-ubyte.gz"), images);
    }
}
