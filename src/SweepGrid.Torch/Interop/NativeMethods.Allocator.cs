using System.Runtime.InteropServices;

namespace SweepGrid.Torch.Interop;

// native/src/allocator.cpp
internal static partial class NativeMethods
{
    // Runs before the first call into the shim, so every tensor is allocated under the tuned settings.
#pragma warning disable CA1810 // a static constructor is the point: it must run before any other native call
    static NativeMethods() => AllocatorTuning = sg_tune_allocator();
#pragma warning restore CA1810

    /// <summary>1 when glibc malloc was tuned for tensor-sized blocks, 0 when skipped, -1 on failure.</summary>
    internal static int AllocatorTuning { get; }

    [LibraryImport(Library)] private static partial int sg_tune_allocator();
}
