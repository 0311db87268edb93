using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatasetCacheCollection
{
    // Runs alone: these tests count loads on the process-wide cache.
    public const string Name = "process-wide dataset cache";
}

[Collection(DatasetCacheCollection.Name)]
public sealed class DatasetCacheTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Two_threads_asking_at_once_get_one_instance_loaded_once()
    {
        var (images, labels) = IdxFiles.WritePair(dir, 50, gzip: true);
        var loadsBefore = DatasetCache.LoadCount;
        using var start = new Barrier(2);
        var results = new ImageDataset[2];

        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = DatasetCache.Load(images, labels);
        })).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }
        foreach (var t in threads)
        {
            t.Join();
        }

        Assert.NotNull(results[0]);
        Assert.Same(results[0], results[1]);
        Assert.Equal(loadsBefore + 1, DatasetCache.LoadCount);
        Assert.True(results[0].IsShared, "a cached dataset must be marked shared");
    }

    [Fact]
    public void Shared_dataset_refuses_to_be_disposed()
    {
        var (images, labels) = IdxFiles.WritePair(dir, 5, gzip: false);
        var shared = DatasetCache.Load(images, labels);

        Assert.Throws<InvalidOperationException>(shared.Dispose);
        Assert.Equal(5, shared.Labels.data<long>().ToArray().Length);
    }

    [Fact]
    public void Replaced_file_is_loaded_again()
    {
        var (images, labels) = IdxFiles.WritePair(dir, 5, gzip: false);
        var first = DatasetCache.Load(images, labels);
        File.WriteAllBytes(labels, IdxFiles.LabelsBytes([9, 9, 9, 9, 9]));
        File.SetLastWriteTimeUtc(labels, File.GetLastWriteTimeUtc(labels).AddMinutes(1));

        var second = DatasetCache.Load(images, labels);

        Assert.NotSame(first, second);
        Assert.Equal([9L, 9, 9, 9, 9], second.Labels.data<long>().ToArray());
    }

    [Fact]
    public void Failed_load_is_retried_once_the_file_appears()
    {
        var images = dir.File("late-images-idx3-ubyte");
        var labels = dir.File("late-labels-idx1-ubyte");
        File.WriteAllBytes(images, IdxFiles.ImagesBytes(IdxFiles.PatternPixels(3, 28, 28), 3, 28, 28));

        Assert.Throws<DatasetException>(() => DatasetCache.Load(images, labels));
        File.WriteAllBytes(labels, IdxFiles.LabelsBytes([1, 2, 3]));

        Assert.Equal(3, DatasetCache.Load(images, labels).Count);
    }
}
