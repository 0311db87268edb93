using System.Buffers.Binary;
using System.IO.Compression;

namespace SweepGrid.Robustness.Tests.Datasets;

/// <summary>Writes small IDX files (raw or gzip) for tests.</summary>
internal static class IdxFiles
{
    public static byte[] ImagesBytes(byte[] pixels, int count, int rows, int columns, int magic = 0x00000803)
    {
        var bytes = new byte[16 + pixels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(0), magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), columns);
        pixels.CopyTo(bytes, 16);
        return bytes;
    }

    public static byte[] LabelsBytes(byte[] labels, int magic = 0x00000801)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(0), magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }

    /// <summary>Pixels where image i holds the value (i·7 + p) mod 256 at pixel p, so every image differs.</summary>
    public static byte[] PatternPixels(int count, int rows, int columns)
    {
        var pixels = new byte[count * rows * columns];
        for (var i = 0; i < pixels.Length; i++)
        {
            var image = i / (rows * columns);
            pixels[i] = (byte)(((image * 7) + (i % (rows * columns))) % 256);
        }
        return pixels;
    }

    public static byte[] PatternLabels(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))];

    /// <summary>Writes a matching image and label file pair; returns their paths.</summary>
    public static (string Images, string Labels) WritePair(TempDirectory dir, int count, bool gzip, string prefix = "small")
    {
        var images = ImagesBytes(PatternPixels(count, 28, 28), count, 28, 28);
        var labels = LabelsBytes(PatternLabels(count));
        var imagesPath = dir.File($"{prefix}-images-idx3-ubyte{(gzip ? ".gz" : "")}");
        var labelsPath = dir.File($"{prefix}-labels-idx1-ubyte{(gzip ? ".gz" : "")}");
        File.WriteAllBytes(imagesPath, gzip ? Gzip(images) : images);
        File.WriteAllBytes(labelsPath, gzip ? Gzip(labels) : labels);
        return (imagesPath, labelsPath);
    }
}
