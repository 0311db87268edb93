namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// The datasets SweepGrid knows by name ("mnist", "fashion-mnist", "kmnist"): official file names,
/// checksums and download mirrors.
/// </summary>
/// <remarks>
/// Which checksums were verified against real files here: all four MNIST SHA-256 values that the
/// shared data folder's SHA256SUMS lists (t10k images and labels and train labels are the original
/// downloads — their MD5s match the published ones — and the train images there are a faithful
/// reconstruction whose SHA-256, 8e59d4e6…, is accepted in addition to the original's). The original
/// train-images SHA-256 (440fcabf…) and MD5 (f68b3c2d…) are the widely published values, not checked
/// here. Fashion-MNIST and KMNIST carry the MD5s published with torchvision; none was checked here,
/// and no SHA-256 is recorded for them, so they are verified by MD5.
/// </remarks>
public static class DatasetCatalog
{
    public static DatasetDescription Mnist { get; } = new(
        "mnist",
        "MNIST handwritten digits (LeCun, Cortes, Burges)",
        new IdxFilePair(
            new DatasetFile("train-images-idx3-ubyte.gz",
                "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                ["8e59d4e6322d5e291f26338633ee8015e1369ee4616a784cd934bc27c2948978"]),
            new DatasetFile("train-labels-idx1-ubyte.gz",
                "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                "d53e105ee54ea40749a09fcbcd1e9432")),
        new IdxFilePair(
            new DatasetFile("t10k-images-idx3-ubyte.gz",
                "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                "9fb629c4189551a2d022fa330f9573f3"),
            new DatasetFile("t10k-labels-idx1-ubyte.gz",
                "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                "ec29112dd5afa0611ce80d1b7f02629c")),
        [
            new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            new Uri("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            new Uri("http://yann.lecun.com/exdb/mnist/"),
        ],
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

    public static DatasetDescription FashionMnist { get; } = new(
        "fashion-mnist",
        "Fashion-MNIST (Zalando Research)",
        new IdxFilePair(
            new DatasetFile("train-images-idx3-ubyte.gz", null, "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
            new DatasetFile("train-labels-idx1-ubyte.gz", null, "25c81989df183df01b3e8a0aad5dffbe")),
        new IdxFilePair(
            new DatasetFile("t10k-images-idx3-ubyte.gz", null, "bef4ecab320f06d8554ea6380940ec79"),
            new DatasetFile("t10k-labels-idx1-ubyte.gz", null, "bb300cfdad3c16e7a12a480ee83cd310")),
        [
            new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            new Uri("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
        ],
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

    public static DatasetDescription Kmnist { get; } = new(
        "kmnist",
        "Kuzushiji-MNIST (ROIS-DS Center for Open Data in the Humanities)",
        new IdxFilePair(
            new DatasetFile("train-images-idx3-ubyte.gz", null, "bdb82020997e1d708af4cf47b453dcf7"),
            new DatasetFile("train-labels-idx1-ubyte.gz", null, "e144d726b3acfaa3e44228e80efcd344")),
        new IdxFilePair(
            new DatasetFile("t10k-images-idx3-ubyte.gz", null, "5c965bf0a639b31b8f53240b1b52f4d7"),
            new DatasetFile("t10k-labels-idx1-ubyte.gz", null, "7320c461ea6c1c855c0b718fb2a4b134")),
        [new Uri("http://codh.rois.ac.jp/kmnist/dataset/kmnist/")],
        ["o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"]);

    /// <summary>Every known dataset, in a stable order.</summary>
    public static IReadOnlyList<DatasetDescription> All { get; } = [Mnist, FashionMnist, Kmnist];

    /// <summary>The dataset of this name (case-insensitive), or null.</summary>
    public static DatasetDescription? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The dataset of this name (case-insensitive).</summary>
    /// <exception cref="DatasetException">No dataset has this name; the message lists the known ones.</exception>
    public static DatasetDescription Get(string name) =>
        Find(name) ?? throw new DatasetException(DatasetFailure.UnknownDataset, null,
            $"unknown dataset '{name}'; expected one of: {string.Join(", ", All.Select(d => d.Name))}");
}
