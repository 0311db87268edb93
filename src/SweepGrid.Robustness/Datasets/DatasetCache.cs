using System.Collections.Concurrent;
using System.Globalization;

namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// The process-wide cache of loaded datasets: each pair of files is read once per process, however many
/// trainings ask for it and from however many threads, and the one <see cref="ImageDataset"/> is shared
/// read-only by all of them. Entries are keyed by full path plus file identity (length and modification
/// time), so a file replaced on disk is read again. A failed load is not cached: asking again retries.
/// </summary>
public static class DatasetCache
{
    private static readonly ConcurrentDictionary<string, Lazy<ImageDataset>> Entries = new(StringComparer.Ordinal);
    private static int loads;

    /// <summary>How many datasets were actually read from disk since the process started.</summary>
    public static int LoadCount => Volatile.Read(ref loads);

    /// <summary>The shared dataset of this image file and label file, loading it on first use.</summary>
    /// <exception cref="DatasetException">A file is missing or malformed (see <see cref="ImageDataset.FromIdxFiles(string, string, string?, int)"/>).</exception>
    public static ImageDataset Load(string imagesPath, string labelsPath, string? name = null, int classCount = 10)
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        ArgumentNullException.ThrowIfNull(labelsPath);
        var key = string.Join("|", Identity(imagesPath), Identity(labelsPath), classCount.ToString(CultureInfo.InvariantCulture));
        var entry = Entries.GetOrAdd(key, _ => new Lazy<ImageDataset>(() =>
        {
            // The content hash is remembered across processes for exactly these files (path, length and
            // modification time of both); it is stored only when neither file changed while it was read.
            var fingerprintKey = FingerprintCache.Key(imagesPath, labelsPath, classCount);
            var known = FingerprintCache.TryGet(fingerprintKey);
            var dataset = ImageDataset.FromIdxFiles(imagesPath, labelsPath, name, classCount, known);
            if (known is null && fingerprintKey == FingerprintCache.Key(imagesPath, labelsPath, classCount))
            {
                FingerprintCache.Store(fingerprintKey, dataset.Fingerprint);
            }
            dataset.IsShared = true;
            Interlocked.Increment(ref loads);
            return dataset;
        }, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch (DatasetException)
        {
            Entries.TryRemove(new KeyValuePair<string, Lazy<ImageDataset>>(key, entry));
            throw;
        }
    }

    /// <summary>The shared dataset of a catalog entry's split, found in the data directory (see <see cref="DataDirectory"/>).</summary>
    public static ImageDataset Open(DatasetDescription dataset, DataSplit split, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var directory = DataDirectory.Resolve(dataDirectory);
        var (images, labels) = DataDirectory.Locate(dataset, split, directory);
        return Load(images, labels, Name(dataset, split), dataset.ClassCount);
    }

    private static string Name(DatasetDescription dataset, DataSplit split) => $"{dataset.Name}/{split.ToString().ToLowerInvariant()}";

    /// <summary>As <see cref="Open(DatasetDescription, DataSplit, string?)"/> for a dataset named in the catalog ("mnist", …).</summary>
    public static ImageDataset Open(string datasetName, DataSplit split, string? dataDirectory = null) =>
        Open(DatasetCatalog.Get(datasetName), split, dataDirectory);

    private static string Identity(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        return info.Exists
            ? string.Create(CultureInfo.InvariantCulture, $"{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}")
            : info.FullName + ":missing";
    }
}
