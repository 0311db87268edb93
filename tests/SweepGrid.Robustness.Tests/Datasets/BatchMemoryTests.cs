using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

// In the non-parallel collection: the live-tensor count is process-wide.
[Collection(DatasetCacheCollection.Name)]
public sealed class BatchMemoryTests
{
    [Fact]
    public void An_epoch_of_disposed_batches_leaves_no_tensor_behind()
    {
        using var dataset = SyntheticDigits.Generate(130, seed: 2);
        using var all = dataset.All();
        using var generator = new Generator(3);
        var before = TorchRuntime.LiveTensorCount;

        var batches = 0;
        foreach (var batch in all.Batches(50, torch.CPU, generator, dropLast: true))
        {
            using var b = batch;
            batches++;
        }

        Assert.Equal(2, batches);
        Assert.Equal(before, TorchRuntime.LiveTensorCount);
    }

    [Fact]
    public void Batch_inside_a_dispose_scope_is_freed_with_the_scope()
    {
        using var dataset = SyntheticDigits.Generate(20, seed: 2);
        var before = TorchRuntime.LiveTensorCount;

        using (var scope = torch.NewDisposeScope())
        {
            var (images, labels) = dataset.Batch(torch.arange(0, 8), torch.CPU);
            Assert.Equal([8L, 1, 28, 28], images.shape);
            Assert.Equal([8L], labels.shape);
        }

        Assert.Equal(before, TorchRuntime.LiveTensorCount);
    }
}
