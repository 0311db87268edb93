using System.Runtime.InteropServices;
using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

// Factories: torch.zeros / ones / full / arange / tensor / from_numpy-style views of managed memory.
public sealed partial class Tensor
{
    public static Tensor Empty(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Wrap(NativeMethods.sg_empty(shape, shape.Length, (int)dtype, (int)d.Type, d.Index), "empty");
    }

    public static Tensor Zeros(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Wrap(NativeMethods.sg_zeros(shape, shape.Length, (int)dtype, (int)d.Type, d.Index), "zeros");
    }

    public static Tensor Ones(ReadOnlySpan<long> shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Wrap(NativeMethods.sg_ones(shape, shape.Length, (int)dtype, (int)d.Type, d.Index), "ones");
    }

    public static Tensor Full(ReadOnlySpan<long> shape, double value, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Wrap(NativeMethods.sg_full(shape, shape.Length, value, (int)dtype, (int)d.Type, d.Index), "full");
    }

    public static Tensor Arange(double start, double end, double step = 1, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Wrap(NativeMethods.sg_arange(start, end, step, (int)dtype, (int)d.Type, d.Index), "arange");
    }

    public static Tensor Scalar(double value, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Wrap(NativeMethods.sg_scalar_tensor(value, (int)dtype, (int)d.Type, d.Index), "scalar_tensor");
    }

    /// <summary>Copies managed elements into a new CPU tensor of the given shape (default: 1-D).</summary>
    // Preferred when a call fits both overloads (e.g. an array with a collection-expression shape).
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]
    public static unsafe Tensor From<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape = default) where T : unmanaged
    {
        long[] fallback = [data.Length];
        var dims = shape.IsEmpty ? fallback : shape;
        CheckElementCount(data.Length, dims);
        fixed (T* pointer = data)
        {
            return Wrap(NativeMethods.sg_from_data(pointer, dims, dims.Length, (int)ScalarTypes.Of<T>()), "from_data");
        }
    }

    public static Tensor From<T>(T[] data, params long[] shape) where T : unmanaged => From<T>(data.AsSpan(), shape);

    /// <summary>
    /// A zero-copy CPU tensor over a managed array: the array is pinned until the last native reference
    /// goes away, and writes through the tensor are visible in the array (and vice versa).
    /// </summary>
    public static unsafe Tensor ViewOf<T>(T[] data, params long[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        long[] dims = shape.Length == 0 ? [data.Length] : shape;
        CheckElementCount(data.Length, dims);
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        var context = GCHandle.ToIntPtr(pin);
        var result = NativeMethods.sg_from_blob((void*)pin.AddrOfPinnedObject(), dims, dims.Length, (int)ScalarTypes.Of<T>(), &ReleasePin, context);
        if (result.IsInvalid)
        {
            pin.Free();
        }
        return Wrap(result, "from_blob");
    }

    [UnmanagedCallersOnly]
    private static void ReleasePin(IntPtr context) => GCHandle.FromIntPtr(context).Free();

    private static void CheckElementCount(int available, ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }
        if (count != available)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape.ToArray())}] needs {count} elements but {available} were given");
        }
    }

    /// <summary>Copies the elements (made contiguous, on the CPU) into a new managed array.</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        if (ScalarTypes.Of<T>() != DType)
        {
            throw new InvalidOperationException($"tensor holds {DType}, not {ScalarTypes.Of<T>()}; convert it with To(ScalarType) first");
        }
        var result = new T[NumElements];
        fixed (T* pointer = result)
        {
            NativeErrors.Check(NativeMethods.sg_copy_to_host(Handle, pointer, (long)result.Length * sizeof(T)), "copy to host");
        }
        return result;
    }

    /// <summary>The single element as a double (PyTorch's item()).</summary>
    public double Item()
    {
        var value = NativeMethods.sg_item_double(Handle);
        if (double.IsNaN(value) && NativeMethods.sg_last_error() != IntPtr.Zero)
        {
            throw NativeErrors.Take("item");
        }
        return value;
    }

    public long ItemInt64()
    {
        var value = NativeMethods.sg_item_int64(Handle);
        if (value == -1 && NativeMethods.sg_last_error() != IntPtr.Zero)
        {
            throw NativeErrors.Take("item");
        }
        return value;
    }
}
