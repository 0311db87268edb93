using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>The evaluation images materialised once per trial: float [N, 1, H, W] in [0, 1] and int64 labels [N] on the trial's device.</summary>
internal sealed class TestSet : IDisposable
{
    private TestSet(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
        LabelArray = Metrics.TensorMetrics.Labels(labels);
    }

    public Tensor Images { get; }
    public Tensor Labels { get; }
    public int[] LabelArray { get; }
    public long Count => LabelArray.Length;

    public static TestSet From(IBatchSource source, long limit, Device device)
    {
        var count = limit > 0 ? Math.Min(limit, source.Count) : source.Count;
        using var positions = torch.arange(0, count);
        var (images, labels) = source.Batch(positions, device);
        return new TestSet(images.DetachFromDisposeScope(), labels.DetachFromDisposeScope());
    }

    /// <summary>The first <paramref name="count"/> test images of a catalog dataset, as out-of-distribution inputs.</summary>
    public static Tensor ImagesOf(string dataset, string? dataDirectory, long count, Device device)
    {
        var data = DatasetCache.Open(dataset, DataSplit.Test, dataDirectory);
        using var all = data.All();
        using var positions = torch.arange(0, Math.Min(count, all.Count));
        var (images, labels) = all.Batch(positions, device);
        labels.Dispose();
        return images.DetachFromDisposeScope();
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
