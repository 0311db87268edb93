using System.Runtime.InteropServices;

namespace SweepGrid.Torch.Interop;

// One partial file per native source file (native/src/runtime.cpp, random.cpp).
internal static partial class NativeMethods
{
    internal const string Library = "sweepgrid_native";

    [LibraryImport(Library)] internal static partial IntPtr sg_last_error();
    [LibraryImport(Library)] internal static partial void sg_clear_error();
    [LibraryImport(Library)] internal static partial long sg_live_tensors();
    [LibraryImport(Library)] internal static partial IntPtr sg_torch_version();
    [LibraryImport(Library)] internal static partial int sg_set_num_threads(int n);
    [LibraryImport(Library)] internal static partial int sg_get_num_threads();
    [LibraryImport(Library)] internal static partial int sg_set_num_interop_threads(int n);
    [LibraryImport(Library)] internal static partial int sg_set_blas_threads(int n);
    [LibraryImport(Library)] internal static partial int sg_cuda_is_available();
    [LibraryImport(Library)] internal static partial int sg_cuda_device_count();
    [LibraryImport(Library)] internal static partial int sg_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int sg_set_grad_enabled(int enabled);
    [LibraryImport(Library)] internal static partial int sg_is_grad_enabled();

    [LibraryImport(Library)] internal static partial GeneratorHandle sg_generator_new(ulong seed, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial void sg_generator_free(IntPtr g);
    [LibraryImport(Library)] internal static partial int sg_generator_set_seed(GeneratorHandle g, ulong seed);
    [LibraryImport(Library)] internal static partial TensorHandle sg_rand(ReadOnlySpan<long> shape, int ndim, int dtype, int deviceType, int deviceIndex, IntPtr g);
    [LibraryImport(Library)] internal static partial TensorHandle sg_randn(ReadOnlySpan<long> shape, int ndim, int dtype, int deviceType, int deviceIndex, IntPtr g);
    [LibraryImport(Library)] internal static partial TensorHandle sg_randint(long low, long high, ReadOnlySpan<long> shape, int ndim, int deviceType, int deviceIndex, IntPtr g);
    [LibraryImport(Library)] internal static partial TensorHandle sg_randperm(long n, int deviceType, int deviceIndex, IntPtr g);
    [LibraryImport(Library)] internal static partial int sg_uniform_(TensorHandle t, double low, double high, IntPtr g);
    [LibraryImport(Library)] internal static partial int sg_normal_(TensorHandle t, double mean, double std, IntPtr g);
    [LibraryImport(Library)] internal static partial int sg_bernoulli_(TensorHandle t, double p, IntPtr g);
}
