namespace SweepGrid.Robustness.Datasets;

/// <summary>The kinds of <see cref="DatasetException"/>.</summary>
public enum DatasetFailure
{
    /// <summary>The file could not be opened or read (I/O error, permissions).</summary>
    Unreadable,

    /// <summary>The file is not where it was looked for; the message says where and how to get it.</summary>
    Missing,

    /// <summary>The payload is shorter or longer than the header says.</summary>
    WrongLength,

    /// <summary>The file starts with the gzip magic but does not decompress.</summary>
    CorruptCompression,

    /// <summary>The IDX header is wrong: magic number, element type or dimensions.</summary>
    BadHeader,

    /// <summary>The image and label files disagree on the number of items.</summary>
    CountMismatch,

    /// <summary>A label is outside the dataset's classes.</summary>
    BadLabel,

    /// <summary>The file's checksum is not the one the manifest records.</summary>
    ChecksumMismatch,

    /// <summary>A download failed (HTTP error, connection lost after every retry).</summary>
    DownloadFailed,

    /// <summary>The dataset name is not in the catalog.</summary>
    UnknownDataset,
}
