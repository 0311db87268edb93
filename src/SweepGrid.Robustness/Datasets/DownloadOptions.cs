namespace SweepGrid.Robustness.Datasets;

/// <summary>Retry behaviour of <see cref="DatasetDownloader"/>.</summary>
public sealed record DownloadOptions
{
    /// <summary>Requests per URL before moving to the next mirror; each retry resumes the partial file. Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Pause before retry k is k times this. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
