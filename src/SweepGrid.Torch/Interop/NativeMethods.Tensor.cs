using System.Runtime.InteropServices;

namespace SweepGrid.Torch.Interop;

// native/src/tensor.cpp
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial void sg_tensor_free(IntPtr t);
    [LibraryImport(Library)] internal static partial TensorHandle sg_tensor_new_ref(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle sg_empty(ReadOnlySpan<long> shape, int ndim, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle sg_zeros(ReadOnlySpan<long> shape, int ndim, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle sg_ones(ReadOnlySpan<long> shape, int ndim, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle sg_full(ReadOnlySpan<long> shape, int ndim, double value, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle sg_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle sg_scalar_tensor(double value, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Library)] internal static partial TensorHandle sg_from_data(void* data, ReadOnlySpan<long> shape, int ndim, int dtype);
    [LibraryImport(Library)] internal static partial TensorHandle sg_from_blob(void* data, ReadOnlySpan<long> shape, int ndim, int dtype, delegate* unmanaged<IntPtr, void> deleter, IntPtr context);
    [LibraryImport(Library)] internal static partial int sg_dim(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_shape(TensorHandle t, Span<long> output, int capacity);
    [LibraryImport(Library)] internal static partial int sg_dtype(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_device_type(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_device_index(TensorHandle t);
    [LibraryImport(Library)] internal static partial long sg_numel(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_requires_grad(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_set_requires_grad(TensorHandle t, int requiresGrad);
    [LibraryImport(Library)] internal static partial int sg_is_contiguous(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_is_leaf(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_copy_to_host(TensorHandle t, void* output, long bytes);
    [LibraryImport(Library)] internal static partial double sg_item_double(TensorHandle t);
    [LibraryImport(Library)] internal static partial long sg_item_int64(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle sg_to(TensorHandle t, int dtype, int deviceType, int deviceIndex, int nonBlocking);
    [LibraryImport(Library)] internal static partial TensorHandle sg_contiguous(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle sg_clone(TensorHandle t);
    [LibraryImport(Library)] internal static partial TensorHandle sg_detach(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_copy_(TensorHandle dst, TensorHandle src);
    [LibraryImport(Library)] internal static partial int sg_set_data(TensorHandle t, TensorHandle src);
    [LibraryImport(Library)] internal static partial int sg_fill_(TensorHandle t, double value);
    [LibraryImport(Library)] internal static partial int sg_zero_(TensorHandle t);
    [LibraryImport(Library)] internal static partial IntPtr sg_to_string(TensorHandle t);
    [LibraryImport(Library)] internal static partial void sg_string_free(IntPtr s);
}
