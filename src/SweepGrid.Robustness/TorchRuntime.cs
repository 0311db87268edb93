using System.Globalization;
using System.Runtime.InteropServices;

namespace SweepGrid.Robustness;

/// <summary>
/// Process-wide libtorch settings and device names, for the hosts that run trials (CLI, nodes, benchmarks).
/// </summary>
public static partial class TorchRuntime
{
    private const int MallocMmapThreshold = -3;
    private const int MallocTrimThreshold = -1;

    // glibc returns freed blocks above M_MMAP_THRESHOLD (128 KiB) to the kernel at once, and in the .NET
    // host its dynamic threshold never rises, so every training step mmaps and unmaps its larger
    // temporaries (page faults, high system time). Fixed thresholds keep them in the heap, as a
    // python3-torch process ends up doing (docs/adr/0002, bench/README.md). SWEEPGRID_MALLOC_TUNING=0 turns it off.
    static TorchRuntime()
    {
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("SWEEPGRID_MALLOC_TUNING") != "0")
        {
            AllocatorTuned = mallopt(MallocMmapThreshold, 32 << 20) == 1 && mallopt(MallocTrimThreshold, 128 << 20) == 1;
        }
    }

    /// <summary>True when glibc's malloc thresholds were set for tensor-sized blocks (see the static constructor).</summary>
    public static bool AllocatorTuned { get; }

    /// <summary>libtorch's intra-op threads for the calling thread's work (one per slot by default).</summary>
    public static int Threads => torch.get_num_threads();

    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        torch.set_num_threads(threads);
    }

    /// <summary>
    /// Makes the calling thread's float arithmetic treat subnormal numbers (below 1.2e-38) as zero, as
    /// <c>torch.set_flush_denormal(True)</c> does (it sets FTZ/DAZ in this thread's MXCSR; libtorch's and
    /// the managed Adam's kernels run on the calling thread). Without it, a long training whose sigmoid
    /// units saturate fills Adam's moments with subnormals and every operation on them takes a microcode
    /// assist: a T = 1/64 MLP slowed from 31k to 15k samples/s within 12 epochs, and seed 003's 100-epoch
    /// trainings to 12k (bench/README.md). Returns false where the CPU cannot flush. Off with
    /// SWEEPGRID_FLUSH_DENORMALS=0 (python3-torch's default), which changes results only below 1.2e-38.
    /// </summary>
    public static bool FlushDenormalsOnThisThread()
    {
        if (Environment.GetEnvironmentVariable("SWEEPGRID_FLUSH_DENORMALS") == "0")
        {
            return false;
        }
        _ = torch.get_num_threads(); // libtorch is loaded (TorchSharp's initialisation) before the direct call below
        return SetFlushDenormal(GlobalContext(), 1) != 0;
    }

    public static string Version => torch.__version__;

    /// <summary>Tensors created through TorchSharp and not yet disposed, in the whole process.</summary>
    public static long LiveTensorCount => Tensor.TotalCount;

    /// <summary>True when TorchSharp found a CUDA libtorch (libtorch_cuda) and a GPU.</summary>
    public static bool CudaIsAvailable => torch.cuda.is_available();

    /// <summary>
    /// Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c> and checks that the device exists here, so that a
    /// wrong device fails at start with a message instead of at the first tensor.
    /// </summary>
    public static Device ParseDevice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim().ToLowerInvariant();
        if (name == "cpu")
        {
            return torch.CPU;
        }
        var index = 0;
        if (name != "cuda" && !(name.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out index)))
        {
            throw new FormatException($"'{text}' is not a device; allowed: cpu, cuda, cuda:N (N = 0, 1, …)");
        }
        if (!torch.cuda.is_available())
        {
            throw new ArgumentException($"device '{text}' asked for, but no CUDA device is usable here: TorchSharp loads libtorch_cuda from the application folder or LD_LIBRARY_PATH (see docs/science.md, \"GPU\")");
        }
        var count = torch.cuda.device_count();
        if (index >= count)
        {
            throw new ArgumentException($"device '{text}' asked for, but this machine has {count} CUDA device(s) (cuda:0 … cuda:{count - 1})");
        }
        return torch.device(DeviceType.CUDA, index);
    }

    // at::globalContext() and at::Context::setFlushDenormal(bool), which TorchSharp 0.107 does not bind.
    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static partial nint GlobalContext();

    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at7Context16setFlushDenormalEb")]
    private static partial byte SetFlushDenormal(nint context, byte on);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
