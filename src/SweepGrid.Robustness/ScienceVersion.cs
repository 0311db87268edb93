namespace SweepGrid.Robustness;

/// <summary>
/// The version of the training and evaluation code, part of every trial's identity: bump it when a
/// change alters results, so stored results of the old code are not mistaken for the new code's.
/// </summary>
/// <remarks>
/// 2: PGD's default step is 2.5·ε/steps (Madry et al.), not ε/30, so "pgd=ε" and "pgdN=ε" now attack harder;
/// the ablation CNN's no-steplr variant trains at a constant rate even when the spec sets a schedule;
/// definitions carry outlier-exposure and committee settings.
/// 3: the convolutional models (LeNet, the An et al. CNNs, the ablation CNN) run their activations
/// channels-last on the CPU, so their convolutions sum in another order; Adam steps on the CPU run fused
/// (FusedCpuAdam), rounding its float32 arithmetic in another order; training and evaluation threads flush
/// subnormal floats to zero (TorchRuntime.FlushDenormalsOnThisThread). Results differ in the last bits.
/// </remarks>
public static class ScienceVersion
{
    public const string Current = "sweepgrid-science/3";
}
