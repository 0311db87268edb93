using System.Globalization;

namespace SweepGrid.Robustness;

/// <summary>
/// Process-wide libtorch settings and device names, for the hosts that run trials (CLI, nodes, benchmarks).
/// </summary>
public static class TorchRuntime
{
    /// <summary>libtorch's intra-op threads for the calling thread's work (one per slot by default).</summary>
    public static int Threads => torch.get_num_threads();

    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        torch.set_num_threads(threads);
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
            throw new FormatException($"unknown device '{text}'; allowed: cpu, cuda, cuda:N (N = 0, 1, …)");
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
}
