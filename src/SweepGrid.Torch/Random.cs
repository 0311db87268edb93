using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

/// <summary>Random tensors and in-place random fills (torch.rand, randn, randint, randperm, uniform_, …).</summary>
/// <remarks>A null generator means libtorch's global default generator, which is shared by all threads.</remarks>
public static class Random
{
    public static Tensor Rand(long[] shape, Generator? generator = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        var result = NativeMethods.sg_rand(shape, shape.Length, (int)dtype, (int)d.Type, d.Index, Generator.RawOrNull(generator));
        GC.KeepAlive(generator);
        return Tensor.Wrap(result, "rand");
    }

    public static Tensor Randn(long[] shape, Generator? generator = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        var result = NativeMethods.sg_randn(shape, shape.Length, (int)dtype, (int)d.Type, d.Index, Generator.RawOrNull(generator));
        GC.KeepAlive(generator);
        return Tensor.Wrap(result, "randn");
    }

    public static Tensor Randint(long low, long high, long[] shape, Generator? generator = null, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        var result = NativeMethods.sg_randint(low, high, shape, shape.Length, (int)d.Type, d.Index, Generator.RawOrNull(generator));
        GC.KeepAlive(generator);
        return Tensor.Wrap(result, "randint");
    }

    /// <summary>A random permutation of 0 … n−1 (int64).</summary>
    public static Tensor Randperm(long n, Generator? generator = null, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        var result = NativeMethods.sg_randperm(n, (int)d.Type, d.Index, Generator.RawOrNull(generator));
        GC.KeepAlive(generator);
        return Tensor.Wrap(result, "randperm");
    }

    /// <summary>Fills in place with U(low, high); not recorded by autograd (used for initialisation).</summary>
    public static Tensor Uniform_(this Tensor tensor, double low, double high, Generator? generator = null)
    {
        NativeErrors.Check(NativeMethods.sg_uniform_(tensor.Handle, low, high, Generator.RawOrNull(generator)), "uniform_");
        GC.KeepAlive(generator);
        return tensor;
    }

    public static Tensor Normal_(this Tensor tensor, double mean, double std, Generator? generator = null)
    {
        NativeErrors.Check(NativeMethods.sg_normal_(tensor.Handle, mean, std, Generator.RawOrNull(generator)), "normal_");
        GC.KeepAlive(generator);
        return tensor;
    }

    public static Tensor Bernoulli_(this Tensor tensor, double p, Generator? generator = null)
    {
        NativeErrors.Check(NativeMethods.sg_bernoulli_(tensor.Handle, p, Generator.RawOrNull(generator)), "bernoulli_");
        GC.KeepAlive(generator);
        return tensor;
    }

    /// <summary>Seeds libtorch's global generators (PyTorch's torch.manual_seed).</summary>
    public static void ManualSeed(ulong seed) => NativeErrors.Check(NativeMethods.sg_manual_seed(seed), "manual_seed");
}
