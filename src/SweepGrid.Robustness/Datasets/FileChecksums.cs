using System.Security.Cryptography;

namespace SweepGrid.Robustness.Datasets;

/// <summary>Checks files against the checksums of the <see cref="DatasetCatalog"/> manifest.</summary>
public static class FileChecksums
{
    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    public static string Sha256(string path) => Hash(path, SHA256.HashData);

    /// <summary>MD5 of the file, lower-case hex. Only for comparison with checksums that were published as MD5.</summary>
#pragma warning disable CA5351 // Integrity against published MD5s (Fashion-MNIST, KMNIST), not security.
    public static string Md5(string path) => Hash(path, MD5.HashData);
#pragma warning restore CA5351

    /// <summary>How <see cref="Inspect"/> names the digest of the decompressed IDX bytes.</summary>
    public const string ContentAlgorithm = "content SHA-256";

    /// <summary>
    /// Whether the file matches the manifest entry. An entry with a <see cref="DatasetFile.ContentSha256"/> is
    /// checked on the decompressed IDX bytes (so a recompressed or unpacked copy passes), in one streaming pass
    /// that also checks the IDX length and, as a fallback, the published checksum of the file itself; other
    /// entries by the file's SHA-256 when they have any, else by its MD5; an entry without checksums accepts
    /// any file. A corrupt, truncated or malformed file does not match; <see cref="ChecksumResult.Problem"/>
    /// then says why, naming the file.
    /// </summary>
    /// <exception cref="DatasetException">The file is missing or cannot be read.</exception>
    public static ChecksumResult Inspect(string path, DatasetFile expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(expected);
        var accepted = expected.AcceptedSha256;
        if (expected.ContentSha256 is { } content)
        {
            ContentDigest digest;
            try
            {
                digest = ContentDigest.Compute(path, fileSha256: accepted.Count > 0, fileMd5: accepted.Count == 0 && expected.Md5 is not null);
            }
            catch (DatasetException e) when (e.Failure is DatasetFailure.CorruptCompression or DatasetFailure.WrongLength or DatasetFailure.BadHeader)
            {
                return new ChecksumResult(false, ContentAlgorithm, e.Message, e);
            }
            if (string.Equals(digest.ContentSha256, content, StringComparison.OrdinalIgnoreCase))
            {
                return new ChecksumResult(true, ContentAlgorithm, digest.ContentSha256);
            }
            if (digest.FileSha256 is { } fileSha && accepted.Contains(fileSha))
            {
                return new ChecksumResult(true, "SHA-256", fileSha);
            }
            if (digest.FileMd5 is { } fileMd5 && string.Equals(fileMd5, expected.Md5, StringComparison.OrdinalIgnoreCase))
            {
                return new ChecksumResult(true, "MD5", fileMd5);
            }
            return new ChecksumResult(false, ContentAlgorithm, digest.ContentSha256);
        }
        if (accepted.Count > 0)
        {
            var actual = Sha256(path);
            return new ChecksumResult(accepted.Contains(actual), "SHA-256", actual);
        }
        if (expected.Md5 is not null)
        {
            var actual = Md5(path);
            return new ChecksumResult(string.Equals(actual, expected.Md5, StringComparison.OrdinalIgnoreCase), "MD5", actual);
        }
        return new ChecksumResult(true, "none", "");
    }

    /// <summary>As <see cref="Inspect"/>: whether the file matches, the algorithm used and the actual digest (or, for a corrupt file, why).</summary>
    public static (bool Matches, string Algorithm, string Actual) Check(string path, DatasetFile expected)
    {
        var result = Inspect(path, expected);
        return (result.Matches, result.Algorithm, result.Actual);
    }

    /// <summary>Throws unless the file matches the manifest entry (see <see cref="Inspect"/>).</summary>
    /// <exception cref="DatasetException">
    /// Checksum mismatch (the message names the file, the expected and the actual digest), a corrupt or
    /// truncated file (<see cref="DatasetFailure.CorruptCompression"/>, <see cref="DatasetFailure.WrongLength"/>,
    /// <see cref="DatasetFailure.BadHeader"/>, naming the file), or a missing or unreadable file.
    /// </exception>
    public static void Verify(string path, DatasetFile expected)
    {
        var result = Inspect(path, expected);
        if (result.Problem is { } problem)
        {
            throw problem;
        }
        if (!result.Matches)
        {
            throw new DatasetException(DatasetFailure.ChecksumMismatch, path, $"{path}: {result.Algorithm} is {result.Actual}; expected {Expected(expected)}");
        }
    }

    /// <summary>The checksums a copy of <paramref name="file"/> may have, as shown in mismatch messages.</summary>
    public static string Expected(DatasetFile file)
    {
        var accepted = file.AcceptedSha256;
        var published = accepted.Count > 0 ? string.Join(" or ", accepted) : file.Md5;
        return file.ContentSha256 is { } content
            ? $"{ContentAlgorithm} {content}" + (published is null ? "" : $" (or the published file checksum {published})")
            : published ?? "(no checksum recorded)";
    }

    private static string Hash(string path, Func<Stream, byte[]> hash)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Convert.ToHexStringLower(hash(stream));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetException(DatasetFailure.Missing, path, $"{path}: file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(DatasetFailure.Unreadable, path, $"{path}: cannot be read: {e.Message}", e);
        }
    }
}

/// <summary>The outcome of <see cref="FileChecksums.Inspect"/>.</summary>
/// <param name="Matches">Whether the file is an accepted copy.</param>
/// <param name="Algorithm">The digest that decided: "content SHA-256", "SHA-256", "MD5" or "none".</param>
/// <param name="Actual">The file's digest under that algorithm, or for a corrupt file the reason.</param>
/// <param name="Problem">Why the file could not be checked (corrupt gzip data, truncated, bad IDX header), or null.</param>
public sealed record ChecksumResult(bool Matches, string Algorithm, string Actual, DatasetException? Problem = null);
