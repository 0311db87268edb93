namespace SweepGrid.Torch.Tests.Threading;

public class GradModeTests
{
    [Fact]
    public void No_grad_turns_recording_off_and_restores_it()
    {
        using var x = Tensor.Ones([2]).RequiresGrad_();
        Assert.True(Autograd.IsGradEnabled);
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsGradEnabled);
            using var y = x * 2.0;
            Assert.False(y.RequiresGrad, "an op under NoGrad was recorded");
            using (Autograd.EnableGrad())
            {
                using var z = x * 2.0;
                Assert.True(z.RequiresGrad, "an op under EnableGrad inside NoGrad was not recorded");
            }
            Assert.False(Autograd.IsGradEnabled);
        }
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void No_grad_on_one_thread_does_not_affect_another()
    {
        using var insideNoGrad = new ManualResetEventSlim();
        using var otherThreadChecked = new ManualResetEventSlim();
        var otherSawEnabled = false;
        var otherRecorded = false;
        var noGradThreadRecorded = true;

        var noGradThread = new Thread(() =>
        {
            using var x = Tensor.Ones([1]).RequiresGrad_();
            using (Autograd.NoGrad())
            {
                insideNoGrad.Set();
                // Stay inside the no-grad scope until the other thread has computed.
                otherThreadChecked.Wait();
                using var y = x * 3.0;
                noGradThreadRecorded = y.RequiresGrad;
            }
        });
        var gradThread = new Thread(() =>
        {
            insideNoGrad.Wait();
            using var x = Tensor.Ones([1]).RequiresGrad_();
            otherSawEnabled = Autograd.IsGradEnabled;
            using var y = x * 3.0;
            otherRecorded = y.RequiresGrad;
            otherThreadChecked.Set();
        });
        noGradThread.Start();
        gradThread.Start();
        Assert.True(noGradThread.Join(TimeSpan.FromSeconds(30)), "the no-grad thread did not finish within 30 s");
        Assert.True(gradThread.Join(TimeSpan.FromSeconds(30)), "the grad thread did not finish within 30 s");

        Assert.True(otherSawEnabled, "grad mode was off on a thread that never entered NoGrad");
        Assert.True(otherRecorded, "an op on the other thread was not recorded while one thread was in NoGrad");
        Assert.False(noGradThreadRecorded, "the NoGrad thread recorded an op");
    }
}
