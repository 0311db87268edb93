namespace SweepGrid.Robustness.Tests.Support;

/// <summary>
/// TorchRuntime.FlushDenormalsOnThisThread: subnormal floats count as zero afterwards, in libtorch's
/// kernels and in managed arithmetic (FusedCpuAdam), on the calling thread only.
/// </summary>
public class DenormalFlushTests
{
    private static readonly float[] Subnormal = [1e-39f];

    [Fact]
    public void After_flushing_a_subnormal_multiplies_to_zero_in_libtorch_and_in_managed_code_on_that_thread_only()
    {
        var before = OnNewThread(flush: false);
        var after = OnNewThread(flush: true);

        Assert.Equal((false, 1e-39f, 1e-39f), before);
        Assert.Equal((true, 0f, 0f), after);
    }

    private static (bool Flushed, float Torch, float Managed) OnNewThread(bool flush)
    {
        (bool, float, float) result = default;
        var thread = new Thread(() =>
        {
            var flushed = flush && TorchRuntime.FlushDenormalsOnThisThread();
            using var tensor = torch.tensor(Subnormal);
            using var product = tensor * 1.0f;
            result = (flushed, product.item<float>(), Subnormal[0] * One());
        });
        thread.Start();
        thread.Join();
        return result;
    }

    // Not a constant, so the JIT cannot fold the multiplication away.
    private static float One() => Subnormal.Length;
}
