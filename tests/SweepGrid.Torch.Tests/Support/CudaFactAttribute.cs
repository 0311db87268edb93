namespace SweepGrid.Torch.Tests.Support;

/// <summary>
/// A fact that needs a CUDA device. Without one it is reported as skipped, with the reason, rather
/// than passing on the CPU and hiding that the GPU path was never exercised.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!TorchRuntime.CudaIsAvailable)
        {
            Skip = $"CUDA not available: libtorch {TorchRuntime.Version} reports no CUDA device (CPU-only build or no GPU), so the GPU path is untested here";
        }
    }
}
