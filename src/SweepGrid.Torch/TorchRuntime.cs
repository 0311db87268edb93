using System.Runtime.InteropServices;
using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

/// <summary>Process-wide libtorch facts and settings: version, threads, CUDA devices, live tensors.</summary>
public static class TorchRuntime
{
    /// <summary>libtorch's version (e.g. 1.13.1), as compiled into the shim.</summary>
    public static string Version => Marshal.PtrToStringUTF8(NativeMethods.sg_torch_version())!;

    /// <summary>Native tensor handles currently alive in this process (the leak check used by tests).</summary>
    public static long LiveTensorCount => NativeMethods.sg_live_tensors();

    /// <summary>libtorch's intra-op thread count (at::set_num_threads), process-wide.</summary>
    public static int Threads
    {
        get => NativeMethods.sg_get_num_threads();
        set => NativeErrors.Check(NativeMethods.sg_set_num_threads(value), "set_num_threads");
    }

    /// <summary>
    /// Sets libtorch's intra-op threads and OpenBLAS's own pool together. Slots that train in parallel
    /// want 1 each: OpenBLAS's default pool would oversubscribe the cores (BRIEF §3.3).
    /// </summary>
    /// <returns>Whether OpenBLAS was found and set.</returns>
    public static bool SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
        return NativeMethods.sg_set_blas_threads(threads) == 1;
    }

    /// <summary>Inter-op threads; can be set once, before any parallel work starts.</summary>
    public static void SetInteropThreads(int threads) =>
        NativeErrors.Check(NativeMethods.sg_set_num_interop_threads(threads), "set_num_interop_threads");

    public static bool CudaIsAvailable => NativeMethods.sg_cuda_is_available() == 1;

    public static int CudaDeviceCount => Math.Max(0, NativeMethods.sg_cuda_device_count());
}
