using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// A labelled image dataset held inside libtorch: images as ONE uint8 tensor [N, H, W] and labels as one
/// int64 tensor [N], both on the CPU. Mini-batches are gathered by index inside libtorch
/// (<see cref="Batch"/>), so pixels never travel through managed arrays during training.
/// </summary>
/// <remarks>
/// Thread safety: after construction the dataset is immutable and may be used by any number of
/// concurrent trainings; <see cref="Batch"/> and <see cref="EnsureOn"/> are thread-safe. Instances from
/// <see cref="DatasetCache"/> are shared by the whole process and must not be disposed; callers that
/// build their own (e.g. <see cref="SyntheticDigits"/>) own them and dispose them.
/// </remarks>
public sealed class ImageDataset : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<(Tensor Images, Tensor Labels)>> copies = new();
    private bool disposed;

    private ImageDataset(string name, Tensor images, Tensor labels, int height, int width, int classCount, string fingerprint)
    {
        Name = name;
        Images = images;
        Labels = labels;
        Count = labels.shape[0];
        Height = height;
        Width = width;
        ClassCount = classCount;
        Fingerprint = fingerprint;
    }

    /// <summary>A human-readable name such as "mnist/test".</summary>
    public string Name { get; }

    /// <summary>uint8 [N, H, W] on the CPU. Shared: read it, never modify or dispose it.</summary>
    public Tensor Images { get; }

    /// <summary>int64 [N] on the CPU, values 0 … ClassCount−1. Shared: read it, never modify or dispose it.</summary>
    public Tensor Labels { get; }

    public long Count { get; }

    public int Height { get; }

    public int Width { get; }

    public int ClassCount { get; }

    /// <summary>
    /// SHA-256 (hex) of the decoded content: shape, class count, pixels and labels. The same for the raw
    /// and the gzip file, different as soon as one pixel differs; trial identities use it.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>True for instances owned by <see cref="DatasetCache"/> (shared; Dispose refuses them).</summary>
    public bool IsShared { get; internal set; }

    /// <summary>Loads an image file and a label file (IDX, raw or gzip) and checks that they belong together.</summary>
    /// <exception cref="DatasetException">A file is missing, malformed, or the two files disagree.</exception>
    public static ImageDataset FromIdxFiles(string imagesPath, string labelsPath, string? name = null, int classCount = 10) =>
        FromIdxFiles(imagesPath, labelsPath, name, classCount, knownFingerprint: null);

    /// <summary>
    /// As <see cref="FromIdxFiles(string, string, string?, int)"/>, but takes <paramref name="knownFingerprint"/>
    /// (remembered for exactly these files by <see cref="FingerprintCache"/>) instead of hashing the content.
    /// </summary>
    internal static ImageDataset FromIdxFiles(string imagesPath, string labelsPath, string? name, int classCount, string? knownFingerprint)
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        ArgumentNullException.ThrowIfNull(labelsPath);
        // Loading libtorch (~0.8 s on a loaded 2-core machine) and decoding the gzip'ed IDX files are both
        // fixed per-run costs (bench/README.md); when this is the process's first touch of libtorch, let the
        // native load run on a worker while this thread decompresses. zlib is loaded first: dlopen holds
        // glibc's loader lock while it maps and relocates libtorch, which would stall the decompressor's own
        // first dlopen for just as long.
        IdxReader.LoadDecompressor();
        _ = NativeWarmUp.Value;
        var images = IdxReader.ReadImages(imagesPath);
        var labels = IdxReader.ReadLabels(labelsPath);
        if (images.Count != labels.Length)
        {
            throw new DatasetException(DatasetFailure.CountMismatch, imagesPath,
                $"{imagesPath} holds {images.Count} images but {labelsPath} holds {labels.Length} labels; expected the same count (are both files from the same dataset and split?)");
        }
        CheckLabels(labels, classCount, labelsPath);
        return Create(name ?? Path.GetFileName(imagesPath), images.Pixels, labels, images.Count, images.Rows, images.Columns, classCount, knownFingerprint);
    }

    /// <summary>Builds a dataset from row-major pixels (N·H·W bytes) and one label byte per image; the bytes are copied into libtorch once.</summary>
    public static ImageDataset FromPixels(string name, byte[] pixels, byte[] labels, int height, int width, int classCount = 10)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if ((long)labels.Length * height * width != pixels.Length)
        {
            throw new ArgumentException($"{labels.Length} labels of {height}×{width} images need {(long)labels.Length * height * width} pixels, got {pixels.Length}", nameof(pixels));
        }
        CheckLabels(labels, classCount, name);
        return Create(name, pixels, labels, labels.Length, height, width, classCount);
    }

    /// <summary>
    /// Gathers the images and labels at <paramref name="indices"/> (integer tensor [B], any device) onto
    /// <paramref name="device"/>: images float32 [B, 1, H, W] = uint8 / 255 (torchvision's ToTensor),
    /// labels int64 [B]. The caller owns the returned tensors (the current <see cref="DisposeScope"/>, if
    /// any, frees them). On a CUDA device the whole dataset is copied there once, on first use.
    /// </summary>
    public (Tensor Images, Tensor Labels) Batch(Tensor indices, Device device)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var (images, labels) = StorageOn(device);
        // Every TorchSharp call costs a few microseconds on top of the kernel, which matters at MNIST
        // scale (bench/README.md, per-step profile): no conversion when the indices already fit, and
        // the scaling done in place on the fresh float copy.
        var convert = indices.dtype != ScalarType.Int64 || device.type != DeviceType.CPU || indices.device_type != DeviceType.CPU;
        var index = convert ? indices.to(ScalarType.Int64, device) : indices;
        try
        {
            using var picked = images.index_select(0, index);
            using var withChannel = picked.unsqueeze(1);
            var x = withChannel.to(ScalarType.Float32).div_(255.0);
            var y = labels.index_select(0, index);
            return (x, y);
        }
        finally
        {
            if (convert)
            {
                index.Dispose();
            }
        }
    }

    /// <summary>Copies the dataset to <paramref name="device"/> now (once per device; a no-op for the CPU), so that a node pays the transfer at start-up.</summary>
    public void EnsureOn(Device device) => _ = StorageOn(device);

    /// <summary>A subset holding every index 0 … N−1, in order. The caller disposes it (its index tensor only).</summary>
    public ImageSubset All()
    {
        using var indices = torch.arange(0, Count, 1, ScalarType.Int64);
        return new ImageSubset(this, indices);
    }

    /// <summary>A subset of the given indices (copied; int64 [n] on the CPU). No pixels are copied.</summary>
    public ImageSubset Subset(Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return new ImageSubset(this, indices);
    }

    public void Dispose()
    {
        if (IsShared)
        {
            throw new InvalidOperationException($"dataset '{Name}' belongs to DatasetCache and is shared by every training in the process; do not dispose it");
        }
        if (disposed)
        {
            return;
        }
        disposed = true;
        foreach (var copy in copies.Values)
        {
            if (copy.IsValueCreated)
            {
                copy.Value.Images.Dispose();
                copy.Value.Labels.Dispose();
            }
        }
        Images.Dispose();
        Labels.Dispose();
    }

    public override string ToString() => $"{Name}: {Count} images {Height}×{Width}, {ClassCount} classes";

    private (Tensor Images, Tensor Labels) StorageOn(Device device)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (device.type == DeviceType.CPU)
        {
            return (Images, Labels);
        }
        return copies.GetOrAdd(device.ToString(), _ => new Lazy<(Tensor, Tensor)>(
            () => (Images.to(device).DetachFromDisposeScope(), Labels.to(device).DetachFromDisposeScope()),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static readonly Lazy<Task> NativeWarmUp = new(() => Task.Run(() =>
    {
        // TorchRuntime's static constructor tunes malloc before libtorch allocates anything.
        _ = TorchRuntime.AllocatorTuned;
        using var probe = torch.zeros(1, ScalarType.Byte);
    }), LazyThreadSafetyMode.ExecutionAndPublication);

    private static void CheckLabels(byte[] labels, int classCount, string source)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classCount)
            {
                throw new DatasetException(DatasetFailure.BadLabel, source,
                    $"{source}: label {labels[i]} at index {i} is outside 0..{classCount - 1}; expected one of the {classCount} class indices");
            }
        }
    }

    private static ImageDataset Create(string name, byte[] pixels, byte[] labels, int count, int height, int width, int classCount, string? knownFingerprint = null)
    {
        var fingerprint = knownFingerprint ?? ComputeFingerprint(pixels, labels, count, height, width, classCount);
        var images = torch.tensor(pixels, [count, height, width]).DetachFromDisposeScope();
        try
        {
            using var labelBytes = torch.tensor(labels, [count]);
            var labelTensor = labelBytes.to(ScalarType.Int64).DetachFromDisposeScope();
            return new ImageDataset(name, images, labelTensor, height, width, classCount, fingerprint);
        }
        catch
        {
            images.Dispose();
            throw;
        }
    }

    private static string ComputeFingerprint(byte[] pixels, byte[] labels, int count, int height, int width, int classCount)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[16];
        BitConverter.TryWriteBytes(header[..4], count);
        BitConverter.TryWriteBytes(header[4..8], height);
        BitConverter.TryWriteBytes(header[8..12], width);
        BitConverter.TryWriteBytes(header[12..], classCount);
        hash.AppendData(header);
        hash.AppendData(pixels);
        hash.AppendData(labels);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
