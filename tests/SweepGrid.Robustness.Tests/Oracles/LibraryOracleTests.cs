using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Metrics;
using SweepGrid.Robustness.Tests.Support;

namespace SweepGrid.Robustness.Tests.Oracles;

/// <summary>
/// Fidelity of SweepGrid's brightness, Gaussian blur and AUROC against the libraries their definitions
/// name (definitions.md): torchvision.transforms.functional.adjust_brightness and gaussian_blur, and
/// sklearn.metrics.roc_auc_score, called as libraries (not re-implemented) on the first MNIST test images,
/// to 1e-5.
/// </summary>
/// <remarks>
/// Where the two sides may differ by design, the tests stay where they must agree: SweepGrid works on
/// float images in [0, 1] only (torchvision rounds and saturates uint8 images, which SweepGrid never
/// sees); SweepGrid requires a brightness factor &gt; 0 where torchvision also takes 0, and an explicit
/// σ &gt; 0 where torchvision derives σ from k when none is given; reflect padding by k//2 needs k//2 &lt;
/// 28. Inside those assumptions both compute the same formula (clamp(f·x, 0, 1); separable taps
/// exp(−½(x/σ)²) at integer offsets, normalised, reflect padding), so the whole image is compared,
/// border rows and columns included, and the clamp is exercised by factors above 1.
/// </remarks>
public sealed class LibraryOracleTests
{
    private const double Tolerance = 1e-5;
    private const int Count = 300;

    [SkippableFact]
    public void Brightness_matches_torchvision_adjust_brightness_on_mnist_images()
    {
        PythonOracle.RequireAvailable();
        using var oracle = PythonOracle.Open();
        using var scope = torch.NewDisposeScope();
        var images = MnistTestImages(Count);
        oracle.Write("images", images.data<float>().ToArray());
        double[] factors = [0.2, 0.8, 0.9, 1.1, 1.2, 1.5, 3.0];

        oracle.Run("brightness", new { shape = images.shape, factors });

        for (var i = 0; i < factors.Length; i++)
        {
            var ours = Corruptions.Brightness(images, factors[i]).data<float>().ToArray();
            AssertClose($"brightness {factors[i]}", oracle.Read<float>($"brightness_{i}"), ours);
            if (factors[i] >= 1.5)
            {
                Assert.True(ours.Count(v => v == 1f) > ours.Length / 20, $"factor {factors[i]} should saturate many pixels at 1");
            }
        }
    }

    [SkippableFact]
    public void Gaussian_blur_matches_torchvision_gaussian_blur_on_mnist_images_borders_included()
    {
        PythonOracle.RequireAvailable();
        using var oracle = PythonOracle.Open();
        using var scope = torch.NewDisposeScope();
        // Rolled by 12 pixels (wrapping) so that the digits' ink lies on the borders, where reflect
        // padding decides the result; the first image is all white to catch any clamp or scale.
        var images = MnistTestImages(Count).roll([12L, 12L], [2L, 3L]);
        images[0] = torch.ones(1, 28, 28);
        oracle.Write("images", images.contiguous().data<float>().ToArray());
        (int K, double Sigma)[] cases = [(5, 0.3), (5, 0.5), (5, 0.7), (5, 0.9), (5, 1.0), (5, 2.0), (3, 0.8), (7, 1.5), (9, 3.0)];

        oracle.Run("blur", new { shape = images.shape, cases = cases.Select(c => new object[] { c.K, c.Sigma }).ToArray() });

        for (var i = 0; i < cases.Length; i++)
        {
            var ours = Corruptions.GaussianBlur(images, cases[i].Sigma, cases[i].K).data<float>().ToArray();
            AssertClose($"blur k = {cases[i].K}, σ = {cases[i].Sigma}", oracle.Read<float>($"blur_{i}"), ours);
        }
        var edge = images.select(2, 0).sum().item<float>();
        Assert.True(edge > 100, "the shifted images should carry ink on the border row");
    }

    [SkippableFact]
    public void Auroc_matches_sklearn_roc_auc_score_on_mnist_scores_with_ties()
    {
        PythonOracle.RequireAvailable();
        using var oracle = PythonOracle.Open();
        using var scope = torch.NewDisposeScope();
        var dataset = DatasetCache.Open(DatasetCatalog.Mnist, DataSplit.Test, TestData.MnistDirectory);
        using var indices = torch.arange(0, 2 * Count, 1, ScalarType.Int64);
        var (x, y) = dataset.Batch(indices, CPU);
        var pixels = x.reshape(2 * Count, 784);
        var labels = y.data<long>().ToArray();
        // "In-distribution" digits 0–4, "out-of-distribution" digits 5–9 (held-out classes).
        var isOut = labels.Select(l => l >= 5).ToArray();

        // 1. Ink pixel counts: integers, so many ties within and across the two sets.
        var ink = pixels.gt(0).sum(1).to(ScalarType.Float64).data<double>().ToArray();
        // 2. −MSP of a fixed random linear classifier's logits (continuous, few ties).
        var random = new Random(20261201);
        var weights = Enumerable.Range(0, 784 * 10).Select(_ => (float)((random.NextDouble() - 0.5) * 0.4)).ToArray();
        using var w = torch.tensor(weights, [784, 10]);
        var logits = pixels.matmul(w).contiguous().data<float>().ToArray();
        var msp = OodScores.Anomaly(new LogitMatrix(logits, 10), OodScore.MaxSoftmaxProbability);
        // 3. The same rounded to 0.05: heavy ties, including ties across ID and OOD.
        var coarse = msp.Select(s => Math.Round(s * 20) / 20).ToArray();
        // 4. One constant score for all: every pair tied, AUROC must be 0.5.
        var constant = new double[2 * Count];
        double[][] scores = [ink, msp, coarse, constant];

        var pairs = new List<(double[] In, double[] Out)>();
        foreach (var s in scores)
        {
            pairs.Add((s.Where((_, i) => !isOut[i]).ToArray(), s.Where((_, i) => isOut[i]).ToArray()));
        }
        pairs.Add((pairs[0].Out, pairs[0].In));
        for (var i = 0; i < pairs.Count; i++)
        {
            oracle.Write($"in_{i}", pairs[i].In);
            oracle.Write($"out_{i}", pairs[i].Out);
        }

        oracle.Run("auroc", new { pairs = pairs.Select(p => new[] { p.In.Length, p.Out.Length }).ToArray() });

        var reference = oracle.Read<double>("auroc");
        Assert.Equal(pairs.Count, reference.Length);
        for (var i = 0; i < pairs.Count; i++)
        {
            var ours = OodDetection.Auroc(pairs[i].In, pairs[i].Out);
            Assert.True(Math.Abs(ours - reference[i]) <= Tolerance, $"AUROC of score set {i}: SweepGrid {ours}, sklearn {reference[i]}");
        }
        Assert.Equal(0.5, reference[3]);
        Assert.True(ink.Distinct().Count() < ink.Length / 2, "ink counts should be heavily tied");
        Assert.True(coarse.Distinct().Count() <= 21, "rounded scores should take at most 21 values");
    }

    /// <summary>The first <paramref name="count"/> MNIST test images as float32 [count, 1, 28, 28] = uint8 / 255.</summary>
    private static Tensor MnistTestImages(int count)
    {
        var dataset = DatasetCache.Open(DatasetCatalog.Mnist, DataSplit.Test, TestData.MnistDirectory);
        using var indices = torch.arange(0, count, 1, ScalarType.Int64);
        var (x, y) = dataset.Batch(indices, CPU);
        y.Dispose();
        return x;
    }

    private static void AssertClose(string what, float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        var at = -1;
        for (var i = 0; i < expected.Length; i++)
        {
            var d = Math.Abs((double)expected[i] - actual[i]);
            if (d > worst)
            {
                worst = d;
                at = i;
            }
        }
        Assert.True(worst <= Tolerance, $"{what}: largest difference {worst:G3} at element {at} (torchvision {(at >= 0 ? expected[at] : 0)}, SweepGrid {(at >= 0 ? actual[at] : 0)})");
    }
}
