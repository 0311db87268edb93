namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// Where dataset files live. The data directory is <c>--data DIR</c> when given, else
/// <c>$SWEEPGRID_DATA</c>, else a per-user folder. Inside it a dataset's files are looked for in
/// <c>DIR/&lt;dataset name&gt;/</c> (where the downloader puts them) and then in <c>DIR/</c> itself (so
/// DIR may also point straight at a folder of MNIST files), each gzip'ed or unpacked. A dataset that
/// Debian packages is found last in its system folder (<see cref="SystemFolders"/>), so an installed
/// <c>dataset-fashion-mnist</c> works without a download.
/// </summary>
public static class DataDirectory
{
    /// <summary>The environment variable that names the data directory.</summary>
    public const string EnvironmentVariable = "SWEEPGRID_DATA";

    /// <summary>The data directory (full path): <paramref name="explicitDirectory"/>, else $SWEEPGRID_DATA, else <see cref="DefaultDirectory"/>.</summary>
    public static string Resolve(string? explicitDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Path.GetFullPath(explicitDirectory);
        }
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured) ? DefaultDirectory : Path.GetFullPath(configured);
    }

    /// <summary>Folders where Debian packages install a dataset (<c>apt-get install dataset-fashion-mnist</c>).</summary>
    public static IReadOnlyDictionary<string, string> SystemFolders { get; } = new Dictionary<string, string>
    {
        ["fashion-mnist"] = "/usr/share/datasets/fashion-mnist",
    };

    /// <summary>The per-user fallback, e.g. ~/.local/share/sweepgrid/data on Linux.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "sweepgrid", "data");

    /// <summary>The command that fetches a dataset, as shown in "file not found" messages.</summary>
    public static string DownloadHint(string datasetName, string directory) =>
        $"download it with `sweepgrid data download {datasetName} --data {directory}`, or point --data DIR or ${EnvironmentVariable} at a folder that holds the files";

    /// <summary>The paths tried for a file, in order.</summary>
    public static IReadOnlyList<string> Candidates(DatasetDescription dataset, DatasetFile file, string directory)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(file);
        var root = Path.GetFullPath(directory);
        // Fashion-MNIST and KMNIST reuse MNIST's file names, so a bare folder of IDX files is taken as
        // the dataset only when it is MNIST (the default) or is named after the dataset; otherwise
        // "ood=fashion-mnist" against a folder of MNIST files would silently compare MNIST with itself.
        var rootIsDataset = dataset.Name == DatasetCatalog.Mnist.Name || Path.GetFileName(root) == dataset.Name;
        var sibling = Path.Combine(Path.GetDirectoryName(root) ?? root, dataset.Name);
        string[] folders = rootIsDataset ? [Path.Combine(root, dataset.Name), root] : [Path.Combine(root, dataset.Name), sibling];
        if (SystemFolders.TryGetValue(dataset.Name, out var system))
        {
            folders = [.. folders, system];
        }
        string[] names = file.UncompressedFileName == file.FileName ? [file.FileName] : [file.FileName, file.UncompressedFileName];
        return [.. folders.SelectMany(folder => names.Select(name => Path.Combine(folder, name)))];
    }

    /// <summary>The image and label files of a split.</summary>
    /// <exception cref="DatasetException">A file is in none of the <see cref="Candidates"/>; the message lists them and says how to get the data.</exception>
    public static (string ImagesPath, string LabelsPath) Locate(DatasetDescription dataset, DataSplit split, string directory)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var files = dataset.Files(split);
        return (Find(dataset, files.Images, directory), Find(dataset, files.Labels, directory));
    }

    private static string Find(DatasetDescription dataset, DatasetFile file, string directory)
    {
        var candidates = Candidates(dataset, file, directory);
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }
        var root = Path.GetFullPath(directory);
        throw new DatasetException(DatasetFailure.Missing, candidates[0],
            $"{candidates[0]}: {dataset.Name} file {file.FileName} not found in data directory {root} (searched {string.Join(", ", candidates)}); "
            + DownloadHint(dataset.Name, root));
    }
}
