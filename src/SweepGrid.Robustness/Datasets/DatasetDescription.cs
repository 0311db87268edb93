namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// A dataset of the catalog: its name (as written in sweep specs), its files per split, and the base URLs
/// it can be downloaded from, tried in order. Change the mirrors with
/// <c>description with { Mirrors = [...] }</c>; the URLs are data, nothing here touches the network.
/// </summary>
public sealed record DatasetDescription(
    string Name,
    string Title,
    IdxFilePair Train,
    IdxFilePair Test,
    IReadOnlyList<Uri> Mirrors,
    IReadOnlyList<string> ClassNames)
{
    public int ClassCount => ClassNames.Count;

    public IdxFilePair Files(DataSplit split) => split switch
    {
        DataSplit.Train => Train,
        DataSplit.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "unknown split"),
    };

    /// <summary>The four files: train images, train labels, test images, test labels.</summary>
    public IReadOnlyList<DatasetFile> AllFiles => [Train.Images, Train.Labels, Test.Images, Test.Labels];

    /// <summary>The download URLs of a file, one per mirror, in mirror order.</summary>
    public IReadOnlyList<Uri> UrlsOf(DatasetFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return [.. Mirrors.Select(m => new Uri(m.AbsoluteUri.EndsWith('/') ? m : new Uri(m.AbsoluteUri + "/"), file.FileName))];
    }
}
