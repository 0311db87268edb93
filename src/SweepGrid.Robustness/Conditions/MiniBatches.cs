
namespace SweepGrid.Robustness.Conditions;

/// <summary>Argument checks and mini-batch ranges shared by the attacks and evaluations.</summary>
internal static class MiniBatches
{
    public const int DefaultSize = 1000;

    public static IEnumerable<(long Start, long Length)> Ranges(long count, int batchSize)
    {
        for (long start = 0; start < count; start += batchSize)
        {
            yield return (start, Math.Min(batchSize, count - start));
        }
    }

    public static void CheckBatchSize(int batchSize)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "the mini-batch size must be at least 1");
        }
    }

    /// <summary>Images must be a floating-point batch [N, C, H, W]; labels (when given) int64 [N].</summary>
    public static void CheckImages(Tensor images, Tensor? labels = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
        {
            throw new ArgumentException($"images must be [N, C, H, W]; got [{string.Join(", ", images.shape)}]", nameof(images));
        }
        if (images.dtype is not (ScalarType.Float32 or ScalarType.Float64))
        {
            throw new ArgumentException($"images must be float32 or float64 in [0, 1]; got {images.dtype}", nameof(images));
        }
        if (labels is null)
        {
            return;
        }
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0] || labels.dtype != ScalarType.Int64)
        {
            throw new ArgumentException(
                $"labels must be int64 [{images.shape[0]}] to match the images; got {labels.dtype} [{string.Join(", ", labels.shape)}]", nameof(labels));
        }
    }

    public static void CheckEpsilon(double epsilon, string name = "epsilon")
    {
        if (!(epsilon is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, epsilon, "ε is an L∞ radius in [0, 1] pixel space: it must satisfy 0 ≤ ε ≤ 1");
        }
    }
}
