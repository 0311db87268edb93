using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// The digests of one dataset file, read in a single streaming pass: SHA-256 of the decompressed IDX bytes
/// (what the IDX reader sees; equal for the .gz file, a recompressed copy and the unpacked file) and,
/// when asked for, SHA-256 and MD5 of the file's own bytes (what the published checksums cover).
/// </summary>
/// <param name="ContentSha256">SHA-256 of the decompressed content, lower-case hex.</param>
/// <param name="ContentLength">Decompressed length in bytes (IDX header + payload).</param>
/// <param name="FileSha256">SHA-256 of the file as stored, or null when not computed.</param>
/// <param name="FileMd5">MD5 of the file as stored, or null when not computed.</param>
public sealed record ContentDigest(string ContentSha256, long ContentLength, string? FileSha256, string? FileMd5)
{
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Reads <paramref name="path"/> once, decompressing it when it starts with the gzip magic 1f 8b, with
    /// a fixed 64 KiB buffer (memory does not grow with the file). The decompressed bytes must form one
    /// uint8 IDX array whose length is exactly what its header declares.
    /// </summary>
    /// <exception cref="DatasetException">
    /// The file is missing or unreadable, its gzip data is corrupt (<see cref="DatasetFailure.CorruptCompression"/>),
    /// it is truncated or has trailing bytes (<see cref="DatasetFailure.WrongLength"/>), or its IDX header is
    /// wrong (<see cref="DatasetFailure.BadHeader"/>); every message names the file.
    /// </exception>
    public static ContentDigest Compute(string path, bool fileSha256 = false, bool fileMd5 = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetException(DatasetFailure.Missing, path, $"{path}: file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(DatasetFailure.Unreadable, path, $"{path}: cannot be opened: {e.Message}", e);
        }
        using var raw = new HashingStream(file, fileSha256, fileMd5);
        var compressed = raw.PeekGzipMagic();
        using Stream content = compressed ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true) : raw;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var header = new IdxLength(path, compressed);
            long total = 0;
            int n;
            while ((n = Read(content, buffer, path, compressed, total)) > 0)
            {
                header.Observe(buffer.AsSpan(0, n), total);
                hash.AppendData(buffer, 0, n);
                total += n;
            }
            header.Finish(total);
            var (sha, md5) = raw.Finish();
            return new ContentDigest(Convert.ToHexStringLower(hash.GetHashAndReset()), total, sha, md5);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Read(Stream stream, byte[] buffer, string path, bool compressed, long position)
    {
        try
        {
            return stream.Read(buffer, 0, buffer.Length);
        }
        catch (InvalidDataException e) when (compressed)
        {
            throw new DatasetException(DatasetFailure.CorruptCompression, path,
                $"{path}: corrupt gzip data after {position} decompressed bytes (the file starts with the gzip magic 1f 8b but does not decompress): {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new DatasetException(DatasetFailure.Unreadable, path, $"{path}: read failed after {position} {(compressed ? "decompressed bytes" : "bytes")}: {e.Message}", e);
        }
    }

    /// <summary>Parses the IDX header from the first decompressed bytes and checks the total length against it.</summary>
    private sealed class IdxLength(string path, bool compressed)
    {
        private readonly byte[] head = new byte[4 + (4 * 255)];
        private int headLength;
        private long expected = -1;

        private string Bytes => compressed ? "decompressed bytes" : "bytes";

        public void Observe(ReadOnlySpan<byte> chunk, long offset)
        {
            if (expected >= 0 || offset >= head.Length)
            {
                return;
            }
            var take = (int)Math.Min(chunk.Length, head.Length - offset);
            chunk[..take].CopyTo(head.AsSpan((int)offset));
            headLength = (int)offset + take;
            TryParse();
        }

        public void Finish(long total)
        {
            if (expected < 0)
            {
                throw new DatasetException(DatasetFailure.WrongLength, path,
                    $"{path}: truncated in the IDX header: {total} {Bytes} in all, too few for the header it starts to declare");
            }
            if (total < expected)
            {
                throw new DatasetException(DatasetFailure.WrongLength, path,
                    $"{path}: truncated: the IDX header declares {expected} {Bytes} (header + payload), the file holds {total}");
            }
            if (total > expected)
            {
                throw new DatasetException(DatasetFailure.WrongLength, path,
                    $"{path}: {total - expected} unexpected bytes after the payload: the IDX header declares {expected} {Bytes}, the file holds {total}");
            }
        }

        private void TryParse()
        {
            if (headLength < 4)
            {
                return;
            }
            var magic = BinaryPrimitives.ReadInt32BigEndian(head);
            if ((magic & ~0xFF) != 0x0800)
            {
                throw new DatasetException(DatasetFailure.BadHeader, path,
                    $"{path}: magic number 0x{magic.ToString("X8", CultureInfo.InvariantCulture)} is not that of a uint8 IDX file (0x000008NN); is this the right file, and decompressed correctly?");
            }
            var dimensions = magic & 0xFF;
            var headerLength = 4 + (4 * dimensions);
            if (headLength < headerLength)
            {
                return;
            }
            long payload = 1;
            for (var i = 0; i < dimensions; i++)
            {
                var size = BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(4 + (4 * i)));
                if (size < 0)
                {
                    throw new DatasetException(DatasetFailure.BadHeader, path, $"{path}: IDX header dimension {i} is {size}; expected ≥ 0");
                }
                payload = checked(payload * size);
            }
            expected = headerLength + payload;
        }
    }

    /// <summary>A read-only pass-through that hashes the bytes read from the file itself.</summary>
    private sealed class HashingStream(FileStream inner, bool sha256, bool md5) : Stream
    {
        private readonly IncrementalHash? sha = sha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
#pragma warning disable CA5351 // Integrity against published MD5s (Fashion-MNIST, KMNIST), not security.
        private readonly IncrementalHash? md = md5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
#pragma warning restore CA5351

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>Whether the file starts with 1f 8b; reads nothing into the hashes (the stream is rewound).</summary>
        public bool PeekGzipMagic()
        {
            Span<byte> magic = stackalloc byte[2];
            var read = inner.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            inner.Position = 0;
            return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            sha?.AppendData(buffer[..n]);
            md?.AppendData(buffer[..n]);
            return n;
        }

        /// <summary>Reads what the decompressor left unread (so the file digests cover every byte) and returns them.</summary>
        public (string? Sha256, string? Md5) Finish()
        {
            if (sha is null && md is null)
            {
                return (null, null);
            }
            Span<byte> rest = stackalloc byte[4096];
            while (Read(rest) > 0)
            {
            }
            return (sha is null ? null : Convert.ToHexStringLower(sha.GetHashAndReset()), md is null ? null : Convert.ToHexStringLower(md.GetHashAndReset()));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                sha?.Dispose();
                md?.Dispose();
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
