using System.Runtime.InteropServices;
using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

/// <summary>
/// A libtorch tensor. Owns one native reference through a <see cref="SafeHandle"/>; dispose it (or let
/// a <see cref="DisposeScope"/> do so) to free native memory deterministically. Operations live in the
/// partial files Tensor.*.cs and read like PyTorch's (e.g. <c>x.Matmul(w).Relu()</c>).
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private readonly TensorHandle handle;

    internal Tensor(TensorHandle handle)
    {
        this.handle = handle;
        Scope = DisposeScope.Current;
        Scope?.Add(this);
    }

    /// <summary>The dispose scope that will free this tensor, or null when the caller owns it.</summary>
    public DisposeScope? Scope { get; private set; }

    internal TensorHandle Handle => handle.IsClosed ? throw new ObjectDisposedException(nameof(Tensor), "the tensor was disposed") : handle;

    /// <summary>Wraps a handle returned by the shim, throwing libtorch's message when the call failed.</summary>
    internal static Tensor Wrap(TensorHandle handle, string operation) => new(NativeErrors.Check(handle, operation));

    internal static Tensor WrapRaw(IntPtr pointer, string operation) => Wrap(new TensorHandle(pointer), operation);

    public bool IsDisposed => handle.IsClosed;

    public int Dim => NativeMethods.sg_dim(Handle);

    public long[] Shape
    {
        get
        {
            Span<long> buffer = stackalloc long[16];
            var n = NativeMethods.sg_shape(Handle, buffer, buffer.Length);
            NativeErrors.Check(n, "shape");
            return buffer[..n].ToArray();
        }
    }

    public long NumElements => NativeMethods.sg_numel(Handle);

    public ScalarType DType => (ScalarType)NativeMethods.sg_dtype(Handle);

    public Device Device => new((DeviceType)NativeMethods.sg_device_type(Handle), NativeMethods.sg_device_index(Handle));

    public bool IsContiguous => NativeMethods.sg_is_contiguous(Handle) == 1;

    public bool IsLeaf => NativeMethods.sg_is_leaf(Handle) == 1;

    public bool RequiresGrad
    {
        get => NativeMethods.sg_requires_grad(Handle) == 1;
        set => NativeErrors.Check(NativeMethods.sg_set_requires_grad(Handle, value ? 1 : 0), "requires_grad");
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, as PyTorch's requires_grad_().</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>The accumulated gradient, or null when none has been computed (or it was set to none).</summary>
    public Tensor? Grad
    {
        get
        {
            var g = NativeMethods.sg_grad(Handle);
            if (!g.IsInvalid)
            {
                return new Tensor(g);
            }
            g.Dispose();
            if (NativeMethods.sg_last_error() != IntPtr.Zero)
            {
                throw NativeErrors.Take("grad");
            }
            return null;
        }
        set => NativeErrors.Check(NativeMethods.sg_set_grad(Handle, value is null ? IntPtr.Zero : value.Handle.DangerousGetHandle()), "set grad");
    }

    /// <summary>Keeps this tensor alive past the current dispose scope by handing it to the outer one.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var outer = Scope?.Outer;
        Scope = outer;
        outer?.Add(this);
        return this;
    }

    /// <summary>Takes this tensor out of every dispose scope: the caller now owns it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        Scope = null;
        return this;
    }

    /// <summary>Replaces this tensor's data (device, dtype, storage) but keeps its identity, like PyTorch's <c>param.data = other</c>.</summary>
    public void SetData(Tensor source) => NativeErrors.Check(NativeMethods.sg_set_data(Handle, source.Handle), "set_data");

    public void Dispose()
    {
        handle.Dispose();
        Scope = null;
    }

    public override string ToString()
    {
        if (IsDisposed)
        {
            return "Tensor(disposed)";
        }
        var text = NativeMethods.sg_to_string(Handle);
        if (text == IntPtr.Zero)
        {
            throw NativeErrors.Take("to_string");
        }
        try
        {
            return Marshal.PtrToStringUTF8(text)!;
        }
        finally
        {
            NativeMethods.sg_string_free(text);
        }
    }

    internal static IntPtr RawOrNull(Tensor? tensor) => tensor is null ? IntPtr.Zero : tensor.Handle.DangerousGetHandle();
}
