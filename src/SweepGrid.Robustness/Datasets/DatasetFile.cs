namespace SweepGrid.Robustness.Datasets;

/// <summary>The two published splits of an MNIST-family dataset.</summary>
public enum DataSplit
{
    Train,
    Test,
}

/// <summary>
/// One file of the manifest: its official name and the checksums a copy must match. A file is accepted
/// when its SHA-256 is <see cref="Sha256"/> or one of <see cref="AlsoAcceptedSha256"/>; when no SHA-256
/// is recorded, when its MD5 is <see cref="Md5"/>. When <see cref="ContentSha256"/> is recorded, a copy whose
/// decompressed IDX bytes have that SHA-256 is accepted too, whatever its compression (see <see cref="FileChecksums"/>).
/// </summary>
public sealed record DatasetFile(string FileName, string? Sha256, string? Md5, IReadOnlyList<string>? AlsoAcceptedSha256 = null)
{
    /// <summary>
    /// SHA-256 (lower-case hex) of the decompressed IDX bytes (header and payload, as the IDX reader sees
    /// them), or null when none is recorded. Unlike the checksums of the .gz file it does not change when a
    /// distribution recompresses the file (Debian's dataset-fashion-mnist) or when a user unpacks it.
    /// </summary>
    public string? ContentSha256 { get; init; }

    /// <summary>Every SHA-256 that identifies an acceptable copy (lower-case hex).</summary>
    public IReadOnlyList<string> AcceptedSha256 =>
        [.. new[] { Sha256 }.Concat(AlsoAcceptedSha256 ?? []).OfType<string>().Select(s => s.ToLowerInvariant())];

    /// <summary>The file name without a trailing ".gz": what a user who unpacked the download has.</summary>
    public string UncompressedFileName =>
        FileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? FileName[..^3] : FileName;
}

/// <summary>The image file and the label file of one split.</summary>
public sealed record IdxFilePair(DatasetFile Images, DatasetFile Labels);
