using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

public sealed class ImageSubsetTests : IDisposable
{
    private readonly ImageDataset dataset = ImageDataset.FromPixels("pattern", IdxFiles.PatternPixels(200, 28, 28), IdxFiles.PatternLabels(200), 28, 28);

    public void Dispose() => dataset.Dispose();

    [Fact]
    public void Same_seed_gives_the_same_split_on_any_thread()
    {
        long[][] Validation(ulong seed)
        {
            var result = new long[2][];
            var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
            {
                using var all = dataset.All();
                using var split = all.Split(50, seed);
                result[i] = split.Validation.Indices.data<long>().ToArray();
            })).ToArray();
            foreach (var t in threads)
            {
                t.Start();
            }
            foreach (var t in threads)
            {
                t.Join();
            }
            return result;
        }

        var seven = Validation(7);
        var eight = Validation(8);

        Assert.Equal(seven[0], seven[1]);
        Assert.NotEqual(seven[0], eight[0]);
    }

    [Fact]
    public void Split_partitions_the_training_set_into_disjoint_sorted_parts()
    {
        using var all = dataset.All();
        using var split = all.Split(0.25, seed: 3);

        var train = split.Train.Indices.data<long>().ToArray();
        var validation = split.Validation.Indices.data<long>().ToArray();

        Assert.Equal(150, train.Length);
        Assert.Equal(50, validation.Length);
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), train.Concat(validation).Order());
        Assert.Equal(train.Order(), train);
        Assert.Same(dataset, split.Train.Dataset);
    }

    [Fact]
    public void Split_is_a_fixed_function_of_the_seed()
    {
        // Pinned so that a change of the permutation algorithm (which would silently move images
        // between training and validation sets of recorded trials) cannot go unnoticed.
        using var all = dataset.All();
        using var split = all.Split(5, seed: 42);

        Assert.Equal(Expected42, split.Validation.Indices.data<long>().ToArray());
    }

    [Fact]
    public void Limit_takes_the_first_of_a_seeded_permutation()
    {
        using var all = dataset.All();
        using var limited = all.Limit(30, seed: 11);
        using var again = all.Limit(30, seed: 11);
        using var everything = all.Limit(1000, seed: 11);

        Assert.Equal(30, limited.Count);
        Assert.Equal(again.Indices.data<long>().ToArray(), limited.Indices.data<long>().ToArray());
        Assert.NotEqual(Enumerable.Range(0, 30).Select(i => (long)i), limited.Indices.data<long>().ToArray());
        Assert.Equal(200, everything.Count);
    }

    [Fact]
    public void Subset_of_a_subset_maps_positions_to_dataset_images()
    {
        using var all = dataset.All();
        using var split = all.Split(40, seed: 5);
        using var limited = split.Train.Limit(10, seed: 6);
        using var scope = torch.NewDisposeScope();
        var datasetIndices = limited.Indices.data<long>().ToArray();

        var (viaSubset, labels) = limited.Batch(torch.arange(0, 10), torch.CPU);
        var (direct, _) = dataset.Batch(torch.tensor(datasetIndices, [10]), torch.CPU);

        Assert.Equal(direct.data<float>().ToArray(), viaSubset.data<float>().ToArray());
        Assert.Equal(datasetIndices.Select(i => i % 10), labels.data<long>().ToArray());
        Assert.Subset(split.Train.Indices.data<long>().ToArray().ToHashSet(), datasetIndices.ToHashSet());
    }

    [Fact]
    public void Batches_cover_an_epoch_once_in_shuffled_order()
    {
        using var all = dataset.All();
        using var generator = new Generator(1);
        var seen = new List<long>();
        var sizes = new List<int>();

        foreach (var batch in all.Batches(64, torch.CPU, generator))
        {
            using var b = batch;
            sizes.Add(b.Count);
            // Pixel 0 of image i is (7i) mod 256 and its label is i mod 10: recover i from both.
            var first = b.Images.data<float>().ToArray().Where((_, p) => p % 784 == 0).Select(v => (long)Math.Round(v * 255)).ToArray();
            var labels = b.Labels.data<long>().ToArray();
            seen.AddRange(first.Select((v, k) => Enumerable.Range(0, 200).Single(i => (7 * i) % 256 == v && i % 10 == labels[k])).Select(i => (long)i));
        }

        Assert.Equal([64, 64, 64, 8], sizes);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), seen.Order());
        Assert.NotEqual(seen.Order(), seen);
    }

    [Fact]
    public void Subset_keeps_its_own_copy_of_the_indices()
    {
        using var indices = torch.tensor(new long[] { 5, 6, 7 }, [3]);
        using var subset = dataset.Subset(indices);

        indices.fill_(0);

        Assert.Equal([5L, 6, 7], subset.Indices.data<long>().ToArray());
        Assert.Same(dataset.Images, subset.Dataset.Images);
    }

    [Fact]
    public void Subset_rejects_indices_outside_the_dataset()
    {
        using var indices = torch.tensor(new long[] { 0, 200 }, [2]);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Subset(indices));

        Assert.Contains("expected 0..199", e.Message, StringComparison.Ordinal);
    }

    // Cross-checked with an independent Python SplitMix64 + Fisher–Yates (sorted first five of the permutation).
    private static readonly long[] Expected42 = [44, 52, 54, 127, 158];
}
