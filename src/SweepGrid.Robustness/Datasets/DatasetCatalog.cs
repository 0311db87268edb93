namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// The datasets SweepGrid knows by name ("mnist", "fashion-mnist", "kmnist"): official file names,
/// checksums and download mirrors.
/// </summary>
/// <remarks>
/// Every file is checked first by the SHA-256 of its decompressed IDX bytes (<see cref="DatasetFile.ContentSha256"/>),
/// which survives recompression (Debian's dataset-fashion-mnist ships the Fashion-MNIST files recompressed,
/// so their .gz MD5s are not the published ones) and unpacking. The content SHA-256s of MNIST and
/// Fashion-MNIST were computed here from real files: MNIST from the shared data folder (t10k images and
/// labels and train labels are the original downloads — their MD5s match the published ones — and the train
/// images there are a faithful reconstruction), Fashion-MNIST from Debian's package (content of all four
/// files checked to decode as 60,000/10,000 28×28 images with labels 0–9). A file whose content digest
/// differs is still accepted when the file itself has the published checksum: MNIST's SHA-256s (the
/// original train-images SHA-256 440fcabf… is the widely published value, not checked here, and the
/// reconstruction's 8e59d4e6… is accepted in addition), Fashion-MNIST's and KMNIST's MD5s as published
/// with torchvision. No KMNIST file was available here, so KMNIST records no content SHA-256 and is
/// verified by the MD5 of the .gz file only.
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
                ["8e59d4e6322d5e291f26338633ee8015e1369ee4616a784cd934bc27c2948978"])
            { ContentSha256 = "374ba378bee06c633f4800ac6a495f71d1b80b0e82bf763acbfa4c7e9c379f75" },
            new DatasetFile("train-labels-idx1-ubyte.gz",
                "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                "d53e105ee54ea40749a09fcbcd1e9432")
            { ContentSha256 = "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5" }),
        new IdxFilePair(
            new DatasetFile("t10k-images-idx3-ubyte.gz",
                "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                "9fb629c4189551a2d022fa330f9573f3")
            { ContentSha256 = "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7" },
            new DatasetFile("t10k-labels-idx1-ubyte.gz",
                "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                "ec29112dd5afa0611ce80d1b7f02629c")
            { ContentSha256 = "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2" }),
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
            new DatasetFile("train-images-idx3-ubyte.gz", null, "8d4fb7e6c68d591d4c3dfef9ec88bf0d")
            { ContentSha256 = "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888" },
            new DatasetFile("train-labels-idx1-ubyte.gz", null, "25c81989df183df01b3e8a0aad5dffbe")
            { ContentSha256 = "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9" }),
        new IdxFilePair(
            new DatasetFile("t10k-images-idx3-ubyte.gz", null, "bef4ecab320f06d8554ea6380940ec79")
            { ContentSha256 = "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b" },
            new DatasetFile("t10k-labels-idx1-ubyte.gz", null, "bb300cfdad3c16e7a12a480ee83cd310")
            { ContentSha256 = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34" }),
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
