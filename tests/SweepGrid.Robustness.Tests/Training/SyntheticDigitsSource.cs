using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>Synthetic digits as a batch source (the dataset and its subset disposed together).</summary>
internal sealed class SyntheticDigitsSource : IBatchSource, IDisposable
{
    private readonly ImageDataset dataset;
    private readonly ImageSubset all;

    public SyntheticDigitsSource(int count, ulong seed)
    {
        dataset = SyntheticDigits.Generate(count, seed);
        all = dataset.All();
    }

    public long Count => all.Count;

    public (Tensor Images, Tensor Labels) Batch(Tensor positions, Device device) => all.Batch(positions, device);

    public void Dispose()
    {
        all.Dispose();
        dataset.Dispose();
    }
}
