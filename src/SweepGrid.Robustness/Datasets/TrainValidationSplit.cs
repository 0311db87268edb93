namespace SweepGrid.Robustness.Datasets;

/// <summary>A training set cut in two: the part to train on and a held-out validation part (never the test set).</summary>
public sealed record TrainValidationSplit(ImageSubset Train, ImageSubset Validation) : IDisposable
{
    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
    }
}
