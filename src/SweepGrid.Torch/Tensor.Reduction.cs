using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

// Reductions, sorting and selection by value.
public sealed partial class Tensor
{
    /// <summary>Sum over all elements, or over <paramref name="dims"/>.</summary>
    public Tensor Sum(params long[] dims) => Wrap(NativeMethods.sg_sum(Handle, dims, dims.Length, 0), "sum");

    public Tensor Sum(long dim, bool keepDim) => Wrap(NativeMethods.sg_sum(Handle, [dim], 1, keepDim ? 1 : 0), "sum");

    public Tensor Mean(params long[] dims) => Wrap(NativeMethods.sg_mean(Handle, dims, dims.Length, 0), "mean");

    public Tensor Mean(long dim, bool keepDim) => Wrap(NativeMethods.sg_mean(Handle, [dim], 1, keepDim ? 1 : 0), "mean");

    public Tensor Var(bool unbiased = true, params long[] dims) => Wrap(NativeMethods.sg_var(Handle, dims, dims.Length, unbiased ? 1 : 0, 0), "var");

    public Tensor Max() => Wrap(NativeMethods.sg_max_all(Handle), "max");

    public Tensor Min() => Wrap(NativeMethods.sg_min_all(Handle), "min");

    /// <summary>Maximum along a dimension with the indices where it occurs.</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepDim = false)
    {
        NativeErrors.Check(NativeMethods.sg_max_dim(Handle, dim, keepDim ? 1 : 0, out var values, out var indices), "max");
        return (WrapRaw(values, "max"), WrapRaw(indices, "max"));
    }

    public Tensor Argmax(long dim, bool keepDim = false) => Wrap(NativeMethods.sg_argmax(Handle, dim, keepDim ? 1 : 0), "argmax");

    /// <summary>Indices of the k largest (or smallest) elements along a dimension.</summary>
    public Tensor TopKIndices(long k, long dim = -1, bool largest = true, bool sorted = true) =>
        Wrap(NativeMethods.sg_topk_indices(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0), "topk");

    public (Tensor Values, Tensor Indices) Sort(long dim = -1, bool descending = false, bool stable = true)
    {
        var values = NativeMethods.sg_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, out var indices);
        var wrapped = Wrap(values, "sort");
        return (wrapped, WrapRaw(indices, "sort"));
    }

    public Tensor Cumsum(long dim) => Wrap(NativeMethods.sg_cumsum(Handle, dim), "cumsum");

    public Tensor Norm(double p = 2) => Wrap(NativeMethods.sg_norm(Handle, p), "norm");
}
