using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Tests.Support;

namespace SweepGrid.Robustness.Tests.Datasets;

/// <summary>The one test that reads the 60,000-image training file (the shared folder's reconstruction).</summary>
public sealed class MnistTrainingSetTests
{
    [Fact]
    public void Training_split_loads_with_mnist_mean_and_splits_off_a_validation_set()
    {
        var train = DatasetCache.Open("mnist", DataSplit.Train, TestData.MnistDirectory);
        using var scope = torch.NewDisposeScope();
        var mean = train.Images.to(ScalarType.Float32).mean().item<float>() / 255.0;
        using var all = train.All();
        using var split = all.Split(5_000, seed: 0);

        Assert.Equal(60_000, train.Count);
        Assert.True(Math.Abs(mean - 0.1307) <= 0.001, $"mean pixel of the MNIST training set should be 0.1307 ± 0.001, got {mean:F5}");
        Assert.Equal((55_000L, 5_000L), (split.Train.Count, split.Validation.Count));
    }
}
