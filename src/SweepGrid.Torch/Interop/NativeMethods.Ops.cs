using System.Runtime.InteropServices;

namespace SweepGrid.Torch.Interop;

// native/src/ops.cpp and shape.cpp
internal static partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial TensorHandle sg_add(TensorHandle a, TensorHandle b, double alpha);
    [LibraryImport(Library)] internal static partial TensorHandle sg_sub(TensorHandle a, TensorHandle b, double alpha);
    [LibraryImport(Library)] internal static partial TensorHandle sg_mul(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle sg_div(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle sg_add_scalar(TensorHandle a, double s);
    [LibraryImport(Library)] internal static partial TensorHandle sg_mul_scalar(TensorHandle a, double s);
    [LibraryImport(Library)] internal static partial TensorHandle sg_div_scalar(TensorHandle a, double s);
    [LibraryImport(Library)] internal static partial TensorHandle sg_rsub_scalar(TensorHandle a, double s);
    [LibraryImport(Library)] internal static partial TensorHandle sg_pow_scalar(TensorHandle a, double exponent);
    [LibraryImport(Library)] internal static partial TensorHandle sg_maximum(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle sg_minimum(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle sg_where(TensorHandle condition, TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial int sg_add_(TensorHandle a, TensorHandle b, double alpha);
    [LibraryImport(Library)] internal static partial int sg_mul_scalar_(TensorHandle a, double s);
    [LibraryImport(Library)] internal static partial TensorHandle sg_unary(TensorHandle a, int op);
    [LibraryImport(Library)] internal static partial TensorHandle sg_compare(TensorHandle a, TensorHandle b, int op);
    [LibraryImport(Library)] internal static partial TensorHandle sg_compare_scalar(TensorHandle a, double s, int op);
    [LibraryImport(Library)] internal static partial TensorHandle sg_clamp(TensorHandle a, int hasMin, double min, int hasMax, double max);
    [LibraryImport(Library)] internal static partial TensorHandle sg_clamp_tensor(TensorHandle a, IntPtr min, IntPtr max);
    [LibraryImport(Library)] internal static partial TensorHandle sg_logical_and(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle sg_logical_or(TensorHandle a, TensorHandle b);

    [LibraryImport(Library)] internal static partial TensorHandle sg_sum(TensorHandle a, ReadOnlySpan<long> dims, int ndims, int keepdim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_mean(TensorHandle a, ReadOnlySpan<long> dims, int ndims, int keepdim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_var(TensorHandle a, ReadOnlySpan<long> dims, int ndims, int unbiased, int keepdim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_max_all(TensorHandle a);
    [LibraryImport(Library)] internal static partial TensorHandle sg_min_all(TensorHandle a);
    [LibraryImport(Library)] internal static partial int sg_max_dim(TensorHandle a, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(Library)] internal static partial TensorHandle sg_argmax(TensorHandle a, long dim, int keepdim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_topk_indices(TensorHandle a, long k, long dim, int largest, int sorted);
    [LibraryImport(Library)] internal static partial TensorHandle sg_sort(TensorHandle a, long dim, int descending, int stable, out IntPtr indices);
    [LibraryImport(Library)] internal static partial TensorHandle sg_cumsum(TensorHandle a, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_norm(TensorHandle a, double p);

    [LibraryImport(Library)] internal static partial TensorHandle sg_reshape(TensorHandle a, ReadOnlySpan<long> shape, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_view(TensorHandle a, ReadOnlySpan<long> shape, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_flatten(TensorHandle a, long startDim, long endDim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_transpose(TensorHandle a, long d0, long d1);
    [LibraryImport(Library)] internal static partial TensorHandle sg_permute(TensorHandle a, ReadOnlySpan<long> dims, int ndims);
    [LibraryImport(Library)] internal static partial TensorHandle sg_unsqueeze(TensorHandle a, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_squeeze(TensorHandle a, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_expand(TensorHandle a, ReadOnlySpan<long> shape, int ndim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_cat(ReadOnlySpan<IntPtr> tensors, int n, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_stack(ReadOnlySpan<IntPtr> tensors, int n, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_index_select(TensorHandle a, long dim, TensorHandle index);
    [LibraryImport(Library)] internal static partial TensorHandle sg_gather(TensorHandle a, long dim, TensorHandle index);
    [LibraryImport(Library)] internal static partial TensorHandle sg_narrow(TensorHandle a, long dim, long start, long length);
    [LibraryImport(Library)] internal static partial TensorHandle sg_select(TensorHandle a, long dim, long index);
    [LibraryImport(Library)] internal static partial TensorHandle sg_masked_select(TensorHandle a, TensorHandle mask);
    [LibraryImport(Library)] internal static partial TensorHandle sg_one_hot(TensorHandle labels, long numClasses);
    [LibraryImport(Library)] internal static partial int sg_index_put_(TensorHandle a, TensorHandle index, TensorHandle values);
}
