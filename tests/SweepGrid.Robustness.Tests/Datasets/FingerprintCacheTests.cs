using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

/// <summary>The sidecar cache of dataset fingerprints: hit for the same files, miss as soon as a file changes.</summary>
public sealed class FingerprintCacheTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Remembered_fingerprint_is_returned_for_the_same_files_only()
    {
        var (images, labels) = IdxFiles.WritePair(dir, 20, gzip: true);
        var cache = dir.File("cache/dataset-fingerprints.json");
        var key = FingerprintCache.Key(images, labels, 10);
        using var fresh = ImageDataset.FromIdxFiles(images, labels);
        var fingerprint = fresh.Fingerprint;

        FingerprintCache.Store(key, fingerprint, cache);

        Assert.Equal(fingerprint, FingerprintCache.TryGet(key, cache));
        Assert.Null(FingerprintCache.TryGet(FingerprintCache.Key(images, labels, 9), cache));
        File.SetLastWriteTimeUtc(labels, File.GetLastWriteTimeUtc(labels).AddSeconds(1));
        Assert.Null(FingerprintCache.TryGet(FingerprintCache.Key(images, labels, 10), cache));
        Assert.Null(FingerprintCache.Key(images, dir.File("missing"), 10));
    }

    [Fact]
    public void A_damaged_or_unwritable_cache_is_ignored()
    {
        var (images, labels) = IdxFiles.WritePair(dir, 5, gzip: false);
        var key = FingerprintCache.Key(images, labels, 10);
        var cache = dir.File("dataset-fingerprints.json");
        File.WriteAllText(cache, "{ not json");

        Assert.Null(FingerprintCache.TryGet(key, cache));
        FingerprintCache.Store(key, new string('a', 64), cache);
        Assert.Equal(new string('a', 64), FingerprintCache.TryGet(key, cache));
        FingerprintCache.Store(key, "not a digest", cache);
        Assert.Equal(new string('a', 64), FingerprintCache.TryGet(key, cache));
        FingerprintCache.Store(key, new string('b', 64), Path.Combine(images, "cannot", "be", "a", "folder.json"));
    }

    [Fact]
    public void Cache_stays_bounded()
    {
        var cache = dir.File("dataset-fingerprints.json");
        for (var i = 0; i < FingerprintCache.MaxEntries + 10; i++)
        {
            FingerprintCache.Store($"key {i}", new string('c', 64), cache);
        }

        Assert.Equal(FingerprintCache.MaxEntries, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(cache))!.Count);
        Assert.NotNull(FingerprintCache.TryGet($"key {FingerprintCache.MaxEntries + 9}", cache));
    }

    [SkippableFact]
    public void Dataset_cache_loads_record_the_fingerprint_they_computed()
    {
        Skip.If(FingerprintCache.Path is null, "the fingerprint cache is switched off (SWEEPGRID_CACHE=off)");
        var (images, labels) = IdxFiles.WritePair(dir, 30, gzip: true);

        var dataset = DatasetCache.Load(images, labels);
        using var fresh = ImageDataset.FromIdxFiles(images, labels);

        Assert.Equal(fresh.Fingerprint, dataset.Fingerprint);
        Assert.Equal(dataset.Fingerprint, FingerprintCache.TryGet(FingerprintCache.Key(images, labels, 10)));
    }
}
