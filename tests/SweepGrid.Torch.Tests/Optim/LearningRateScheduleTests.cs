using SweepGrid.Torch.Optim;
using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Optim;

public class LearningRateScheduleTests
{
    private static double[] Steps(LearningRateSchedule schedule, int count)
    {
        var rates = new double[count];
        for (var i = 0; i < count; i++)
        {
            schedule.Step();
            rates[i] = schedule.Optimizer.LearningRate;
        }
        return rates;
    }

    [Fact]
    public void Step_lr_multiplies_by_gamma_every_step_size_epochs()
    {
        using var p = Tensor.Zeros([1]);
        using var sgd = new Sgd([p], lr: 0.1);
        var schedule = new StepLR(sgd, stepSize: 3, gamma: 0.5);
        Expect.Close([0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025], Steps(schedule, 7), 1e-15, "StepLR(3, 0.5) after each epoch");
        Assert.Equal(7, schedule.StepCount);
    }

    [Fact]
    public void Exponential_lr_multiplies_by_gamma_every_epoch()
    {
        using var p = Tensor.Zeros([1]);
        using var adam = new Adam([p]);
        var schedule = new ExponentialLR(adam, 0.98);
        Expect.Close(Enumerable.Range(1, 5).Select(e => 1e-3 * Math.Pow(0.98, e)).ToArray(), Steps(schedule, 5), 1e-15, "ExponentialLR(0.98)");
    }

    [Fact]
    public void Inverse_decay_lr_follows_caffes_inv_policy()
    {
        using var p = Tensor.Zeros([1]);
        using var sgd = new Sgd([p], lr: 0.01, momentum: 0.9);
        var schedule = new InverseDecayLR(sgd);
        var rates = Steps(schedule, 10_000);
        Expect.Close(0.01 * Math.Pow(1 + 1e-4, -0.75), rates[0], 1e-15, "inv lr at iteration 1");
        Expect.Close(0.01 * Math.Pow(1 + 0.1, -0.75), rates[999], 1e-15, "inv lr at iteration 1000");
        // LeNet's solver after 10,000 iterations: 0.01·2^−0.75.
        Expect.Close(0.0059460355750136, rates[^1], 1e-15, "inv lr at iteration 10000");
    }

    [Fact]
    public void The_scheduled_rate_is_the_one_the_next_update_uses()
    {
        using var p = Tensor.From([1.0], 1).RequiresGrad_();
        using var sgd = new Sgd([p], lr: 0.1);
        var schedule = new StepLR(sgd, stepSize: 1, gamma: 0.1);
        schedule.Step();
        using var grad = Tensor.From([1.0], 1);
        p.Grad = grad;
        sgd.Step();
        Expect.Close(1.0 - 0.01, p.Item(), 1e-15, "parameter after a step at the decayed rate");
    }
}
