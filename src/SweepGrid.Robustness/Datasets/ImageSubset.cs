
namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// A view of some images of an <see cref="ImageDataset"/>: an int64 index tensor into the shared uint8
/// images, never a copy of pixels. Positions 0 … Count−1 of the subset map through <see cref="Indices"/>
/// to dataset indices.
/// </summary>
/// <remarks>The subset owns only its index tensor; disposing it leaves the dataset alone. Thread-safe for reading.</remarks>
public sealed class ImageSubset : IDisposable, SweepGrid.Robustness.Training.IBatchSource
{
    internal ImageSubset(ImageDataset dataset, Tensor indices)
    {
        if (indices.dim() != 1)
        {
            throw new ArgumentException($"subset indices must be one-dimensional, got shape [{string.Join(", ", indices.shape)}]", nameof(indices));
        }
        Dataset = dataset;
        // A private copy: the caller may reuse or modify its tensor, and the subset must not change with it.
        using var converted = indices.to(ScalarType.Int64, torch.CPU);
        using var copy = converted.clone();
        Indices = copy.contiguous().DetachFromDisposeScope();
        Count = Indices.shape[0];
        if (Count > 0)
        {
            using var min = Indices.min();
            using var max = Indices.max();
            var (low, high) = (min.item<long>(), max.item<long>());
            if (low < 0 || high >= dataset.Count)
            {
                Indices.Dispose();
                throw new ArgumentOutOfRangeException(nameof(indices), $"subset indices span {low}..{high}; expected 0..{dataset.Count - 1} for {dataset.Name}");
            }
            using var identity = torch.arange(Count, ScalarType.Int64);
            using var same = Indices.eq(identity).all();
            isWholeDataset = Count == dataset.Count && same.item<bool>();
        }
    }

    // The whole dataset in order (All()): positions are dataset indices, so Batch skips the mapping.
    private readonly bool isWholeDataset;

    public ImageDataset Dataset { get; }

    /// <summary>Dataset indices, int64 [Count] on the CPU. Owned by the subset: read it, never modify or dispose it.</summary>
    public Tensor Indices { get; }

    public long Count { get; }

    /// <summary>
    /// Gathers the images and labels at subset <paramref name="positions"/> (integer tensor [B] of values
    /// in 0 … Count−1) onto <paramref name="device"/>; see <see cref="ImageDataset.Batch"/>.
    /// </summary>
    public (Tensor Images, Tensor Labels) Batch(Tensor positions, Device device)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (isWholeDataset)
        {
            return Dataset.Batch(positions, device);
        }
        using var cpuPositions = positions.to(ScalarType.Int64, torch.CPU);
        using var indices = Indices.index_select(0, cpuPositions);
        return Dataset.Batch(indices, device);
    }

    /// <summary>
    /// One epoch of mini-batches in a random order drawn from <paramref name="shuffle"/> (or in subset order
    /// when it is null). The last batch is smaller when Count is not a multiple of the batch size, unless
    /// <paramref name="dropLast"/>. Each batch is created when the loop asks for it, belongs to no dispose
    /// scope, and must be disposed by the receiver (<c>using var b = batch;</c>).
    /// </summary>
    public IEnumerable<LabelledBatch> Batches(int batchSize, Device device, Generator? shuffle = null, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return Enumerate(batchSize, device, shuffle, dropLast);
    }

    /// <summary>
    /// Splits this subset into a validation part of <paramref name="validationCount"/> images and a training
    /// part of the rest. Which images go where depends only on the seed and this subset (not on the thread,
    /// the device or the libtorch version); both parts keep dataset order (ascending position).
    /// </summary>
    public TrainValidationSplit Split(long validationCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(validationCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(validationCount, Count);
        var order = SeededPermutation.Create(Count, seed);
        var validation = order.AsSpan(0, (int)validationCount).ToArray();
        var train = order.AsSpan((int)validationCount).ToArray();
        return new TrainValidationSplit(Pick(train), Pick(validation));
    }

    /// <summary>As <see cref="Split(long, ulong)"/> with round(fraction · Count) validation images.</summary>
    public TrainValidationSplit Split(double validationFraction, ulong seed)
    {
        if (validationFraction is < 0 or > 1 || double.IsNaN(validationFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "the validation fraction must be in [0, 1]");
        }
        return Split((long)Math.Round(validationFraction * Count, MidpointRounding.AwayFromZero), seed);
    }

    /// <summary>
    /// A train_limit subset: the first <paramref name="count"/> positions of the seeded permutation (so a
    /// roughly class-balanced random sample, not the file's first images), kept in ascending order. A
    /// count of at least Count gives every image.
    /// </summary>
    public ImageSubset Limit(long count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = SeededPermutation.Create(Count, seed);
        return Pick(order.AsSpan(0, (int)Math.Min(count, Count)).ToArray());
    }

    public void Dispose() => Indices.Dispose();

    public override string ToString() => $"{Count} of {Dataset}";

    /// <summary>A new subset of the given positions of this subset, sorted ascending.</summary>
    private ImageSubset Pick(long[] positions)
    {
        Array.Sort(positions);
        using var picked = torch.tensor(positions, [positions.Length]);
        using var indices = Indices.index_select(0, picked);
        return new ImageSubset(Dataset, indices);
    }

    private IEnumerable<LabelledBatch> Enumerate(int batchSize, Device device, Generator? shuffle, bool dropLast)
    {
        // Owned here, outside any dispose scope: the loop body's scopes come and go between batches.
        var order = (shuffle is null ? torch.arange(0, Count, 1, ScalarType.Int64) : torch.randperm(Count, generator: shuffle)).DetachFromDisposeScope();
        try
        {
            for (long start = 0; start < Count; start += batchSize)
            {
                var size = Math.Min(batchSize, Count - start);
                if (size < batchSize && dropLast)
                {
                    yield break;
                }
                LabelledBatch batch;
                using (var positions = order.narrow(0, start, size))
                {
                    var (images, labels) = Batch(positions, device);
                    batch = new LabelledBatch(images.DetachFromDisposeScope(), labels.DetachFromDisposeScope());
                }
                yield return batch;
            }
        }
        finally
        {
            order.Dispose();
        }
    }
}
