using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

// Views, reshaping, indexing and conversions between dtypes and devices.
public sealed partial class Tensor
{
    public Tensor Reshape(params long[] shape) => Wrap(NativeMethods.sg_reshape(Handle, shape, shape.Length), "reshape");
    public Tensor View(params long[] shape) => Wrap(NativeMethods.sg_view(Handle, shape, shape.Length), "view");
    public Tensor Flatten(long startDim = 0, long endDim = -1) => Wrap(NativeMethods.sg_flatten(Handle, startDim, endDim), "flatten");
    public Tensor Transpose(long dim0, long dim1) => Wrap(NativeMethods.sg_transpose(Handle, dim0, dim1), "transpose");
    public Tensor Permute(params long[] dims) => Wrap(NativeMethods.sg_permute(Handle, dims, dims.Length), "permute");
    public Tensor Unsqueeze(long dim) => Wrap(NativeMethods.sg_unsqueeze(Handle, dim), "unsqueeze");
    public Tensor Squeeze(long dim) => Wrap(NativeMethods.sg_squeeze(Handle, dim), "squeeze");
    public Tensor Expand(params long[] shape) => Wrap(NativeMethods.sg_expand(Handle, shape, shape.Length), "expand");
    public Tensor IndexSelect(long dim, Tensor index) => Wrap(NativeMethods.sg_index_select(Handle, dim, index.Handle), "index_select");
    public Tensor Gather(long dim, Tensor index) => Wrap(NativeMethods.sg_gather(Handle, dim, index.Handle), "gather");
    public Tensor Narrow(long dim, long start, long length) => Wrap(NativeMethods.sg_narrow(Handle, dim, start, length), "narrow");
    public Tensor Select(long dim, long index) => Wrap(NativeMethods.sg_select(Handle, dim, index), "select");
    public Tensor MaskedSelect(Tensor mask) => Wrap(NativeMethods.sg_masked_select(Handle, mask.Handle), "masked_select");
    public Tensor OneHot(long numClasses) => Wrap(NativeMethods.sg_one_hot(Handle, numClasses), "one_hot");

    /// <summary>In place, along dimension 0: this[index[i]] = values[i] (not recorded by autograd).</summary>
    public Tensor IndexCopy_(Tensor index, Tensor values)
    {
        NativeErrors.Check(NativeMethods.sg_index_put_(Handle, index.Handle, values.Handle), "index_copy_");
        return this;
    }

    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0) =>
        WithRawHandles(tensors, raw => NativeMethods.sg_cat(raw, raw.Length, dim), "cat");

    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0) =>
        WithRawHandles(tensors, raw => NativeMethods.sg_stack(raw, raw.Length, dim), "stack");

    public Tensor To(ScalarType dtype) => To(dtype, Device);
    public Tensor To(Device device) => To(DType, device);

    public Tensor To(ScalarType dtype, Device device, bool nonBlocking = false) =>
        Wrap(NativeMethods.sg_to(Handle, (int)dtype, (int)device.Type, device.Index, nonBlocking ? 1 : 0), "to");

    public Tensor Contiguous() => Wrap(NativeMethods.sg_contiguous(Handle), "contiguous");
    public Tensor Clone() => Wrap(NativeMethods.sg_clone(Handle), "clone");

    /// <summary>The same data, cut from the autograd graph.</summary>
    public Tensor Detach() => Wrap(NativeMethods.sg_detach(Handle), "detach");

    /// <summary>A second reference to the same tensor (shares data and autograd identity).</summary>
    public Tensor Alias() => Wrap(NativeMethods.sg_tensor_new_ref(Handle), "alias");

    /// <summary>Copies <paramref name="source"/> into this tensor in place; never recorded by autograd.</summary>
    public Tensor Copy_(Tensor source)
    {
        NativeErrors.Check(NativeMethods.sg_copy_(Handle, source.Handle), "copy_");
        return this;
    }

    public Tensor Fill_(double value)
    {
        NativeErrors.Check(NativeMethods.sg_fill_(Handle, value), "fill_");
        return this;
    }

    public Tensor Zero_()
    {
        NativeErrors.Check(NativeMethods.sg_zero_(Handle), "zero_");
        return this;
    }

    private static Tensor WithRawHandles(IReadOnlyList<Tensor> tensors, Func<IntPtr[], TensorHandle> call, string operation)
    {
        var raw = new IntPtr[tensors.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = tensors[i].Handle.DangerousGetHandle();
        }
        var result = call(raw);
        GC.KeepAlive(tensors);
        return Wrap(result, operation);
    }
}
