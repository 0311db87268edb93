using System.Globalization;
using System.Text.Json;

namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// A small sidecar file that remembers <see cref="ImageDataset.Fingerprint"/> across processes, so that a run
/// does not hash the decoded dataset again (a fixed per-run cost, bench/README.md). An entry is keyed by the
/// full path, length and modification time (100 ns ticks) of both the image and the label file plus the class
/// count: replacing, rewriting or touching either file changes the key, and the dataset is hashed afresh.
/// </summary>
/// <remarks>
/// The file is <c>$SWEEPGRID_CACHE/dataset-fingerprints.json</c>, else
/// <c>$XDG_CACHE_HOME/sweepgrid/…</c>, else <c>~/.cache/sweepgrid/…</c>; <c>SWEEPGRID_CACHE=off</c>
/// switches it off. It is written atomically (temporary file, then rename), holds at most
/// <see cref="MaxEntries"/> entries, and any problem reading or writing it is ignored: the cache can only
/// save time, never fail a load. The remaining risk is a file rewritten in place with the same length and
/// the same modification time to the tick, which needs a deliberate reset of the time stamp.
/// </remarks>
public static class FingerprintCache
{
    /// <summary>The environment variable naming the cache folder ("off" disables the cache).</summary>
    public const string EnvironmentVariable = "SWEEPGRID_CACHE";

    /// <summary>Entries kept; beyond this, entries are dropped (so stale keys of replaced files do not pile up).</summary>
    public const int MaxEntries = 64;

    private const string FileName = "dataset-fingerprints.json";
    private static readonly Lock Gate = new();

    /// <summary>The cache file, or null when the cache is switched off.</summary>
    public static string? Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return System.IO.Path.Combine(System.IO.Path.GetFullPath(configured), FileName);
            }
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
            var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : string.IsNullOrEmpty(home) ? null : System.IO.Path.Combine(home, ".cache");
            return root is null ? null : System.IO.Path.Combine(root, "sweepgrid", FileName);
        }
    }

    /// <summary>The key of a pair of files: full path, length and modification time of each, and the class count; null when a file is missing.</summary>
    public static string? Key(string imagesPath, string labelsPath, int classCount)
    {
        var images = Identity(imagesPath);
        var labels = Identity(labelsPath);
        return images is null || labels is null ? null : string.Join("|", images, labels, classCount.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The remembered fingerprint of <paramref name="key"/>, or null.</summary>
    public static string? TryGet(string? key) => TryGet(key, Path);

    /// <summary>Remembers a fingerprint (best effort: a read-only or full disk is ignored).</summary>
    public static void Store(string? key, string fingerprint) => Store(key, fingerprint, Path);

    internal static string? TryGet(string? key, string? path)
    {
        if (key is null || path is null)
        {
            return null;
        }
        lock (Gate)
        {
            return Read(path).TryGetValue(key, out var fingerprint) && IsSha256Hex(fingerprint) ? fingerprint : null;
        }
    }

    internal static void Store(string? key, string fingerprint, string? path)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (key is null || path is null || !IsSha256Hex(fingerprint))
        {
            return;
        }
        lock (Gate)
        {
            try
            {
                var entries = Read(path);
                entries.Remove(key);
                entries[key] = fingerprint;
                while (entries.Count > MaxEntries)
                {
                    entries.Remove(entries.Keys.First());
                }
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
                File.WriteAllText(temporary, JsonSerializer.Serialize(entries));
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // Best effort: without the cache the next run hashes again.
            }
        }
    }

    private static Dictionary<string, string> Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > 1 << 20)
            {
                return new(StringComparer.Ordinal);
            }
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream);
            return entries is null ? new(StringComparer.Ordinal) : new(entries, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return new(StringComparer.Ordinal);
        }
    }

    private static string? Identity(string path)
    {
        try
        {
            var info = new FileInfo(System.IO.Path.GetFullPath(path));
            return info.Exists ? string.Create(CultureInfo.InvariantCulture, $"{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}") : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool IsSha256Hex(string value) =>
        value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
