namespace SweepGrid.Robustness.Datasets;

/// <summary>How far the download of one file has got; <see cref="TotalBytes"/> is null when the server does not say.</summary>
public sealed record DownloadProgress(string FileName, Uri Url, long BytesReceived, long? TotalBytes);
