namespace SweepGrid.Torch.Tests.Support;

/// <summary>
/// Tests that read <see cref="TorchRuntime.LiveTensorCount"/>, which is process-wide: they run alone,
/// after the parallel collections, so no other test creates or frees tensors meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveTensorCollection
{
    public const string Name = "Live tensor count";
}
