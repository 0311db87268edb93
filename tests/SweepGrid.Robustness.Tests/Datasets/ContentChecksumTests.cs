using System.IO.Compression;
using System.Security.Cryptography;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Tests.Support;

namespace SweepGrid.Robustness.Tests.Datasets;

/// <summary>
/// Verification by the SHA-256 of the decompressed IDX bytes: recompressed (Debian's Fashion-MNIST) and
/// unpacked copies pass, corrupt and truncated copies fail with a message naming the file.
/// </summary>
public sealed class ContentChecksumTests : IDisposable
{
    private const string DebianFashionMnist = "/usr/share/datasets/fashion-mnist";
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("train-images-idx3-ubyte.gz")]
    [InlineData("train-labels-idx1-ubyte.gz")]
    [InlineData("t10k-images-idx3-ubyte.gz")]
    [InlineData("t10k-labels-idx1-ubyte.gz")]
    public void Shared_mnist_files_match_their_content_sha256(string fileName)
    {
        var entry = DatasetCatalog.Mnist.AllFiles.Single(f => f.FileName == fileName);

        var result = FileChecksums.Inspect(Path.Combine(TestData.MnistDirectory, fileName), entry);

        Assert.True(result.Matches, $"{fileName}: {result.Actual}");
        Assert.Equal(FileChecksums.ContentAlgorithm, result.Algorithm);
        Assert.Equal(entry.ContentSha256, result.Actual);
    }

    [SkippableTheory]
    [InlineData("train-images-idx3-ubyte.gz")]
    [InlineData("train-labels-idx1-ubyte.gz")]
    [InlineData("t10k-images-idx3-ubyte.gz")]
    [InlineData("t10k-labels-idx1-ubyte.gz")]
    public void Debians_recompressed_fashion_mnist_passes_by_content_although_its_gz_md5_differs(string fileName)
    {
        var path = Path.Combine(DebianFashionMnist, fileName);
        Skip.IfNot(File.Exists(path), $"{path} is not installed (apt-get install dataset-fashion-mnist)");
        var entry = DatasetCatalog.FashionMnist.AllFiles.Single(f => f.FileName == fileName);

        FileChecksums.Verify(path, entry);

        Assert.NotEqual(entry.Md5, FileChecksums.Md5(path));
    }

    [Fact]
    public void Unpacked_and_recompressed_copies_pass_by_content()
    {
        var entry = DatasetCatalog.Mnist.Test.Labels;
        var content = Decompress(Path.Combine(TestData.MnistDirectory, entry.FileName));
        var unpacked = dir.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(unpacked, content);
        var recompressed = dir.File(entry.FileName);
        using (var file = File.Create(recompressed))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        Assert.NotEqual(FileChecksums.Sha256(Path.Combine(TestData.MnistDirectory, entry.FileName)), FileChecksums.Sha256(recompressed));
        FileChecksums.Verify(unpacked, entry);
        FileChecksums.Verify(recompressed, entry);
    }

    [Fact]
    public void Original_download_with_the_published_file_checksum_passes_even_if_the_content_digest_were_unknown()
    {
        var entry = DatasetCatalog.Mnist.Test.Labels with { ContentSha256 = new string('0', 64) };

        var result = FileChecksums.Inspect(Path.Combine(TestData.MnistDirectory, entry.FileName), entry);

        Assert.True(result.Matches, result.Actual);
        Assert.Equal("SHA-256", result.Algorithm);
    }

    [Fact]
    public void Corrupt_gzip_data_fails_naming_the_file()
    {
        var entry = DatasetCatalog.Mnist.Test.Images;
        var path = dir.File(entry.FileName);
        var bytes = File.ReadAllBytes(Path.Combine(TestData.MnistDirectory, entry.FileName));
        for (var i = bytes.Length / 2; i < (bytes.Length / 2) + 64; i++)
        {
            bytes[i] ^= 0xA5;
        }
        File.WriteAllBytes(path, bytes);

        var result = FileChecksums.Inspect(path, entry);
        var e = Assert.Throws<DatasetException>(() => FileChecksums.Verify(path, entry));

        Assert.False(result.Matches);
        Assert.Equal(DatasetFailure.CorruptCompression, e.Failure);
        Assert.StartsWith(path + ": corrupt gzip data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_gzip_file_fails_naming_the_file()
    {
        var entry = DatasetCatalog.Mnist.Test.Images;
        var path = dir.File(entry.FileName);
        var bytes = File.ReadAllBytes(Path.Combine(TestData.MnistDirectory, entry.FileName));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<DatasetException>(() => FileChecksums.Verify(path, entry));

        Assert.True(e.Failure is DatasetFailure.WrongLength or DatasetFailure.CorruptCompression, e.Failure.ToString());
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Truncated_or_overlong_unpacked_file_fails_with_the_lengths()
    {
        var entry = DatasetCatalog.Mnist.Test.Labels;
        var content = Decompress(Path.Combine(TestData.MnistDirectory, entry.FileName));
        var shortPath = dir.File("short");
        File.WriteAllBytes(shortPath, content[..^1]);
        var longPath = dir.File("long");
        File.WriteAllBytes(longPath, [.. content, 0]);

        var truncated = Assert.Throws<DatasetException>(() => FileChecksums.Verify(shortPath, entry));
        var overlong = Assert.Throws<DatasetException>(() => FileChecksums.Verify(longPath, entry));

        Assert.Equal(DatasetFailure.WrongLength, truncated.Failure);
        Assert.Equal($"{shortPath}: truncated: the IDX header declares 10008 bytes (header + payload), the file holds 10007", truncated.Message);
        Assert.Equal(DatasetFailure.WrongLength, overlong.Failure);
        Assert.StartsWith($"{longPath}: 1 unexpected bytes after the payload", overlong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_pixel_is_a_checksum_mismatch_naming_both_digests()
    {
        var entry = DatasetCatalog.Mnist.Test.Labels;
        var content = Decompress(Path.Combine(TestData.MnistDirectory, entry.FileName));
        content[^1] = (byte)((content[^1] + 1) % 10);
        var path = dir.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(path, content);

        var e = Assert.Throws<DatasetException>(() => FileChecksums.Verify(path, entry));

        Assert.Equal(DatasetFailure.ChecksumMismatch, e.Failure);
        Assert.Contains($"{path}: content SHA-256 is {Convert.ToHexStringLower(SHA256.HashData(content))}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"expected content SHA-256 {entry.ContentSha256}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hashing_streams_with_bounded_memory()
    {
        var path = Path.Combine(TestData.MnistDirectory, DatasetCatalog.Mnist.Train.Images.FileName);
        _ = ContentDigest.Compute(path);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var digest = ContentDigest.Compute(path, fileSha256: true, fileMd5: true);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(47_040_016, digest.ContentLength);
        Assert.True(allocated < 1 << 20, $"hashing the 47 MB of decompressed training images allocated {allocated} bytes; expected a bounded buffer");
    }

    private static byte[] Decompress(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
