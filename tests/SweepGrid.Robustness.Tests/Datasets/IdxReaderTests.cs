using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Reads_images_and_labels_from_raw_files()
    {
        var (images, labels) = IdxFiles.WritePair(dir, 3, gzip: false);

        var read = IdxReader.ReadImages(images);

        Assert.Equal((3, 28, 28), (read.Count, read.Rows, read.Columns));
        Assert.Equal(IdxFiles.PatternPixels(3, 28, 28), read.Pixels);
        Assert.Equal(IdxFiles.PatternLabels(3), IdxReader.ReadLabels(labels));
    }

    [Fact]
    public void Detects_gzip_by_its_magic_bytes_not_by_the_file_name()
    {
        var pixels = IdxFiles.PatternPixels(2, 28, 28);
        var gzipWithoutSuffix = dir.File("images.idx");
        var rawWithGzSuffix = dir.File("images.gz");
        File.WriteAllBytes(gzipWithoutSuffix, IdxFiles.Gzip(IdxFiles.ImagesBytes(pixels, 2, 28, 28)));
        File.WriteAllBytes(rawWithGzSuffix, IdxFiles.ImagesBytes(pixels, 2, 28, 28));

        Assert.Equal(pixels, IdxReader.ReadImages(gzipWithoutSuffix).Pixels);
        Assert.Equal(pixels, IdxReader.ReadImages(rawWithGzSuffix).Pixels);
    }

    [Fact]
    public void Raw_and_gzip_files_give_identical_tensors()
    {
        var raw = IdxFiles.WritePair(dir, 12, gzip: false, prefix: "raw");
        var gzip = IdxFiles.WritePair(dir, 12, gzip: true, prefix: "gz");

        using var fromRaw = ImageDataset.FromIdxFiles(raw.Images, raw.Labels);
        using var fromGzip = ImageDataset.FromIdxFiles(gzip.Images, gzip.Labels);

        Assert.Equal(fromRaw.Images.data<byte>().ToArray(), fromGzip.Images.data<byte>().ToArray());
        Assert.Equal(fromRaw.Labels.data<long>().ToArray(), fromGzip.Labels.data<long>().ToArray());
        Assert.Equal(fromRaw.Fingerprint, fromGzip.Fingerprint);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var path = dir.File("absent-images-idx3-ubyte.gz");

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Equal(DatasetFailure.Missing, e.Failure);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_raw_file_reports_expected_and_actual_length()
    {
        var bytes = IdxFiles.ImagesBytes(IdxFiles.PatternPixels(3, 28, 28), 3, 28, 28);
        var path = dir.File("truncated-images-idx3-ubyte");
        File.WriteAllBytes(path, bytes[..2000]);

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Equal(DatasetFailure.WrongLength, e.Failure);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains($"expected {16 + (3 * 784)} bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 2000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_payload_inside_a_valid_gzip_reports_decompressed_lengths()
    {
        var bytes = IdxFiles.LabelsBytes(IdxFiles.PatternLabels(100));
        var path = dir.File("short-labels-idx1-ubyte.gz");
        File.WriteAllBytes(path, IdxFiles.Gzip(bytes[..58]));

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadLabels(path));

        Assert.Equal(DatasetFailure.WrongLength, e.Failure);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("expected 108 decompressed bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 58", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_after_the_payload_are_rejected()
    {
        var bytes = IdxFiles.LabelsBytes(IdxFiles.PatternLabels(10));
        var path = dir.File("long-labels-idx1-ubyte");
        File.WriteAllBytes(path, [.. bytes, 1, 2, 3]);

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadLabels(path));

        Assert.Equal(DatasetFailure.WrongLength, e.Failure);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("expected exactly 18 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("got 21", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_is_reported_as_such()
    {
        var path = dir.File("corrupt-images-idx3-ubyte.gz");
        var gzip = IdxFiles.Gzip(IdxFiles.ImagesBytes(IdxFiles.PatternPixels(4, 28, 28), 4, 28, 28));
        // Keep the 10-byte gzip header; make the first deflate block use the reserved block type 3.
        gzip[10] = 0x07;
        File.WriteAllBytes(path, gzip);

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Equal(DatasetFailure.CorruptCompression, e.Failure);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt gzip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_file_given_as_image_file_is_a_wrong_magic_number()
    {
        var path = dir.File("labels-not-images.gz");
        File.WriteAllBytes(path, IdxFiles.Gzip(IdxFiles.LabelsBytes(IdxFiles.PatternLabels(5))));

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Equal(DatasetFailure.BadHeader, e.Failure);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("wrong magic number 0x00000801", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected 0x00000803", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_uint8_element_type_is_rejected()
    {
        var path = dir.File("float-images-idx3-ubyte");
        File.WriteAllBytes(path, IdxFiles.ImagesBytes(IdxFiles.PatternPixels(1, 28, 28), 1, 28, 28, magic: 0x00000D03));

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Equal(DatasetFailure.BadHeader, e.Failure);
        Assert.Contains("element type 0x0D", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x08 = uint8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_rows_in_the_header_is_rejected()
    {
        var path = dir.File("flat-images-idx3-ubyte");
        File.WriteAllBytes(path, IdxFiles.ImagesBytes([], 3, 0, 28));

        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Equal(DatasetFailure.BadHeader, e.Failure);
        Assert.Contains("row count is 0; expected 1..", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_and_label_counts_must_agree()
    {
        var images = dir.File("five-images-idx3-ubyte");
        var labels = dir.File("four-labels-idx1-ubyte");
        File.WriteAllBytes(images, IdxFiles.ImagesBytes(IdxFiles.PatternPixels(5, 28, 28), 5, 28, 28));
        File.WriteAllBytes(labels, IdxFiles.LabelsBytes(IdxFiles.PatternLabels(4)));

        var e = Assert.Throws<DatasetException>(() => ImageDataset.FromIdxFiles(images, labels));

        Assert.Equal(DatasetFailure.CountMismatch, e.Failure);
        Assert.Contains($"{images} holds 5 images", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{labels} holds 4 labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_outside_the_ten_classes_is_rejected_with_its_index()
    {
        var images = dir.File("images-idx3-ubyte");
        var labels = dir.File("bad-labels-idx1-ubyte");
        File.WriteAllBytes(images, IdxFiles.ImagesBytes(IdxFiles.PatternPixels(4, 28, 28), 4, 28, 28));
        File.WriteAllBytes(labels, IdxFiles.LabelsBytes([3, 9, 10, 1]));

        var e = Assert.Throws<DatasetException>(() => ImageDataset.FromIdxFiles(images, labels));

        Assert.Equal(DatasetFailure.BadLabel, e.Failure);
        Assert.Contains(labels, e.Message, StringComparison.Ordinal);
        Assert.Contains("label 10 at index 2 is outside 0..9", e.Message, StringComparison.Ordinal);
    }
}
