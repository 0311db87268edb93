using System.Runtime.InteropServices;

namespace SweepGrid.Torch.Interop;

/// <summary>
/// Turns the shim's sentinels into exceptions: the native side stores libtorch's message in a
/// thread-local slot, and these helpers read and clear it right after the failing call.
/// </summary>
internal static class NativeErrors
{
    public static TorchException Take(string operation)
    {
        var pointer = NativeMethods.sg_last_error();
        var message = pointer == IntPtr.Zero ? "native call failed without a message" : Marshal.PtrToStringUTF8(pointer)!;
        NativeMethods.sg_clear_error();
        return new TorchException($"{operation}: {message.Trim()}");
    }

    public static void Check(int status, string operation)
    {
        if (status < 0)
        {
            throw Take(operation);
        }
    }

    public static TensorHandle Check(TensorHandle handle, string operation)
    {
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw Take(operation);
        }
        return handle;
    }
}
