
namespace SweepGrid.Robustness.Training;

/// <summary>
/// Labelled images that a training or evaluation loop reads in mini-batches. Positions are 0 … Count−1
/// within this source (a subset maps them onto its dataset). Batches are gathered inside libtorch.
/// </summary>
public interface IBatchSource
{
    long Count { get; }

    /// <summary>Images float32 [B, 1, 28, 28] in [0, 1] and labels int64 [B] at the given positions (int64 [B]).</summary>
    (Tensor Images, Tensor Labels) Batch(Tensor positions, Device device);
}

/// <summary>
/// A batch source over a uint8 image tensor [N, 28, 28] (or [N, 1, 28, 28]) and an int64 label tensor
/// [N], optionally restricted to a subset of indices. Holds references, never copies of the pixels.
/// </summary>
public sealed class TensorBatchSource : IBatchSource
{
    private readonly Tensor images;
    private readonly Tensor labels;
    private readonly Tensor? subset;

    public TensorBatchSource(Tensor images, Tensor labels, Tensor? subset = null)
    {
        if (images.dtype != ScalarType.Byte)
        {
            throw new ArgumentException($"images must be uint8, not {images.dtype}", nameof(images));
        }
        if (images.shape[0] != labels.shape[0])
        {
            throw new ArgumentException($"{images.shape[0]} images but {labels.shape[0]} labels");
        }
        this.images = images;
        this.labels = labels;
        this.subset = subset;
        Count = subset?.shape[0] ?? images.shape[0];
    }

    public long Count { get; }

    public (Tensor Images, Tensor Labels) Batch(Tensor positions, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var indices = subset is null ? positions : subset.index_select(0, positions);
        var pixels = images.index_select(0, indices).to(ScalarType.Float32, device).div(255.0);
        var x = pixels.dim() == 3 ? pixels.unsqueeze(1) : pixels;
        var y = labels.index_select(0, indices).to(device);
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }
}
