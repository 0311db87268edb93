using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// Reads the IDX files of the MNIST family (MNIST, Fashion-MNIST, KMNIST): big-endian header (magic
/// number, then one int32 per dimension) followed by uint8 elements. Files may be gzip-compressed or
/// raw; compression is recognised by the gzip magic bytes 1f 8b, not by the file name, because
/// mirrors and users rename files freely.
/// </summary>
/// <remarks>Every problem is a <see cref="DatasetException"/> whose message names the file.</remarks>
public static class IdxReader
{
    /// <summary>Magic number of an image file: uint8 elements (0x08), 3 dimensions.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of a label file: uint8 elements (0x08), 1 dimension.</summary>
    public const int LabelsMagic = 0x00000801;

    // Far above any image in this family; bounds the allocation a corrupt header can ask for.
    private const int MaxSide = 4096;

    /// <summary>Reads an image file (magic 0x00000803): N × rows × columns uint8.</summary>
    public static IdxImages ReadImages(string path)
    {
        using var stream = Open(path, out var compressed);
        var reader = new PayloadReader(stream, path, compressed);
        reader.ReadMagic(ImagesMagic);
        var count = reader.ReadDimension("item count", allowZero: true, max: int.MaxValue);
        var rows = reader.ReadDimension("row count", allowZero: false, max: MaxSide);
        var columns = reader.ReadDimension("column count", allowZero: false, max: MaxSide);
        var size = (long)count * rows * columns;
        if (size > Array.MaxLength)
        {
            throw new DatasetException(DatasetFailure.BadHeader, path,
                $"{path}: header declares {count} images of {rows}×{columns} pixels ({size} bytes), more than one array can hold; the header is probably corrupt");
        }
        var pixels = reader.ReadPayload((int)size, $"{count} images of {rows}×{columns} pixels");
        return new IdxImages(pixels, count, rows, columns);
    }

    /// <summary>Reads a label file (magic 0x00000801): N uint8 labels.</summary>
    public static byte[] ReadLabels(string path)
    {
        using var stream = Open(path, out var compressed);
        var reader = new PayloadReader(stream, path, compressed);
        reader.ReadMagic(LabelsMagic);
        var count = reader.ReadDimension("item count", allowZero: true, max: Array.MaxLength);
        return reader.ReadPayload(count, $"{count} labels");
    }

    /// <summary>Opens the file, transparently decompressing it when it starts with the gzip magic.</summary>
    internal static Stream Open(string path, out bool compressed)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetException(DatasetFailure.Missing, path, $"{path}: file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(DatasetFailure.Unreadable, path, $"{path}: cannot be opened: {e.Message}", e);
        }
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        compressed = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        return compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: false) : file;
    }

    // An empty gzip member: header, an empty final deflate block, CRC-32 0 and length 0.
    private static readonly byte[] EmptyGzip = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Loads the native decompressor (System.IO.Compression's zlib) now, by decompressing an empty gzip member.</summary>
    internal static void LoadDecompressor()
    {
        using var source = new MemoryStream(EmptyGzip, writable: false);
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        Span<byte> none = stackalloc byte[1];
        _ = gzip.Read(none);
    }

    private static string Hex(int value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "IDX images: uint8, 3 dimensions",
        LabelsMagic => "IDX labels: uint8, 1 dimension",
        _ when (magic & ~0xFFFF) != 0 => "not an IDX file: the first two bytes must be zero",
        _ when ((magic >> 8) & 0xFF) != 0x08 => $"element type 0x{(magic >> 8) & 0xFF:X2}, but only 0x08 = uint8 is supported",
        _ => $"IDX uint8 with {magic & 0xFF} dimensions",
    };

    /// <summary>Reads the header and payload while counting bytes, so that length errors can say how many arrived.</summary>
    private sealed class PayloadReader(Stream stream, string path, bool compressed)
    {
        private long position;

        private string Bytes => compressed ? "decompressed bytes" : "bytes";

        public void ReadMagic(int expected)
        {
            var magic = ReadHeaderInt32("magic number");
            if (magic != expected)
            {
                throw new DatasetException(DatasetFailure.BadHeader, path,
                    $"{path}: wrong magic number {Hex(magic)} ({Describe(magic)}); expected {Hex(expected)} ({Describe(expected)})");
            }
        }

        public int ReadDimension(string what, bool allowZero, int max)
        {
            var value = ReadHeaderInt32(what);
            if (value < (allowZero ? 0 : 1) || value > max)
            {
                throw new DatasetException(DatasetFailure.BadHeader, path,
                    $"{path}: header {what} is {value}; expected {(allowZero ? 0 : 1)}..{max}");
            }
            return value;
        }

        public byte[] ReadPayload(int length, string what)
        {
            var payload = new byte[length];
            var got = Read(payload);
            if (got < length)
            {
                throw new DatasetException(DatasetFailure.WrongLength, path,
                    $"{path}: truncated: expected {position - got + length} {Bytes} (header + {what}), got {position}");
            }
            var expectedTotal = position;
            Span<byte> rest = stackalloc byte[4096];
            long extra = 0;
            int n;
            while ((n = Read(rest)) > 0)
            {
                extra += n;
            }
            if (extra > 0)
            {
                throw new DatasetException(DatasetFailure.WrongLength, path,
                    $"{path}: {extra} unexpected bytes after the payload: expected exactly {expectedTotal} {Bytes} (header + {what}), got {expectedTotal + extra}");
            }
            return payload;
        }

        private int ReadHeaderInt32(string what)
        {
            Span<byte> buffer = stackalloc byte[4];
            var got = Read(buffer);
            if (got < 4)
            {
                throw new DatasetException(DatasetFailure.WrongLength, path,
                    $"{path}: truncated in the IDX header ({what}): expected at least {position - got + 4} {Bytes}, got {position}");
            }
            return BinaryPrimitives.ReadInt32BigEndian(buffer);
        }

        private int Read(Span<byte> buffer)
        {
            try
            {
                var got = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                position += got;
                return got;
            }
            catch (InvalidDataException e) when (compressed)
            {
                throw new DatasetException(DatasetFailure.CorruptCompression, path,
                    $"{path}: corrupt gzip data after {position} decompressed bytes (the file starts with the gzip magic 1f 8b but does not decompress): {e.Message}", e);
            }
            catch (IOException e)
            {
                throw new DatasetException(DatasetFailure.Unreadable, path, $"{path}: read failed after {position} {Bytes}: {e.Message}", e);
            }
        }
    }
}
