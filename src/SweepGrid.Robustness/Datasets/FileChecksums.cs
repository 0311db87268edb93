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

    /// <summary>
    /// Whether the file matches the manifest entry: by SHA-256 when the entry has any, else by MD5; an
    /// entry without checksums accepts any file. Returns the algorithm used and the actual digest too.
    /// </summary>
    public static (bool Matches, string Algorithm, string Actual) Check(string path, DatasetFile expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var accepted = expected.AcceptedSha256;
        if (accepted.Count > 0)
        {
            var actual = Sha256(path);
            return (accepted.Contains(actual), "SHA-256", actual);
        }
        if (expected.Md5 is not null)
        {
            var actual = Md5(path);
            return (string.Equals(actual, expected.Md5, StringComparison.OrdinalIgnoreCase), "MD5", actual);
        }
        return (true, "none", "");
    }

    /// <summary>Throws unless the file matches the manifest entry (see <see cref="Check"/>).</summary>
    /// <exception cref="DatasetException">Checksum mismatch (the message names the file, the expected and the actual digest) or an unreadable file.</exception>
    public static void Verify(string path, DatasetFile expected)
    {
        var (matches, algorithm, actual) = Check(path, expected);
        if (!matches)
        {
            throw new DatasetException(DatasetFailure.ChecksumMismatch, path, $"{path}: {algorithm} is {actual}; expected {Expected(expected)}");
        }
    }

    internal static string Expected(DatasetFile file)
    {
        var accepted = file.AcceptedSha256;
        return accepted.Count > 0 ? string.Join(" or ", accepted) : file.Md5 ?? "(no checksum recorded)";
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
