
namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// One mini-batch: images float32 [B, 1, H, W] in [0, 1] and labels int64 [B]. The receiver owns both
/// tensors and disposes them with the batch.
/// </summary>
public sealed record LabelledBatch(Tensor Images, Tensor Labels) : IDisposable
{
    public int Count => (int)Labels.shape[0];

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
