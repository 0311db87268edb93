using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

/// <summary>
/// A seeded random-number generator (libtorch's CPU mt19937, or the CUDA Philox generator). Give each
/// training its own so that concurrent trainings draw independent, reproducible streams.
/// </summary>
public sealed class Generator : IDisposable
{
    public Generator(ulong seed, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        Handle = NativeMethods.sg_generator_new(seed, (int)d.Type, d.Index);
        if (Handle.IsInvalid)
        {
            throw NativeErrors.Take("generator");
        }
        Device = d;
    }

    public Device Device { get; }

    internal GeneratorHandle Handle { get; }

    public void ManualSeed(ulong seed) => NativeErrors.Check(NativeMethods.sg_generator_set_seed(Handle, seed), "manual_seed");

    public void Dispose() => Handle.Dispose();

    internal static IntPtr RawOrNull(Generator? generator) => generator is null ? IntPtr.Zero : generator.Handle.DangerousGetHandle();
}
