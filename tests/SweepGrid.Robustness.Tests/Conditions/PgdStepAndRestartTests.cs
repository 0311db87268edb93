using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

/// <summary>PGD's default step follows Madry et al. (2.5·ε/steps); restarts keep the strongest result per input.</summary>
public class PgdStepAndRestartTests
{
    [Theory]
    [InlineData(0.3, 40, 0.01875)]
    [InlineData(0.3, 10, 0.075)]
    [InlineData(0.1, 5, 0.05)]
    public void Default_step_is_two_and_a_half_epsilon_over_the_steps(double epsilon, int steps, double alpha)
    {
        Assert.Equal(alpha, Pgd.DefaultStepSize(epsilon, steps), 12);
    }

    [Fact]
    public void Attack_without_a_step_size_uses_the_default_step()
    {
        using var model = TinyNetworks.Mlp(seed: 3);
        using var images = TinyNetworks.RandomImages(16, seed: 4);
        using var labels = torch.arange(16, dtype: ScalarType.Int64) % 10;

        using var implicitStep = Pgd.Attack(model, images, labels, 0.2, steps: 10, randomStart: false);
        using var explicitStep = Pgd.Attack(model, images, labels, 0.2, steps: 10, stepSize: 0.05, randomStart: false);

        Assert.Equal(explicitStep.data<float>().ToArray(), implicitStep.data<float>().ToArray());
    }

    [Fact]
    public void Few_steps_reach_the_boundary_of_the_epsilon_box()
    {
        // With α = ε/30 five steps could move a pixel by at most ε/6; with 2.5·ε/steps a steady gradient
        // sign takes it to the box's face, as FGSM does in one step.
        using var model = TinyNetworks.Mlp(seed: 3);
        using var images = torch.full([8, 1, 28, 28], 0.5f);
        using var labels = torch.arange(8, dtype: ScalarType.Int64);

        using var adversarial = Pgd.Attack(model, images, labels, 0.1, steps: 5, randomStart: false);
        using var moved = (adversarial - images).abs().max();

        Assert.True(moved.item<float>() > 0.099f, $"5-step PGD moved pixels by at most {moved.item<float>()}, not to ε = 0.1");
    }

    [Fact]
    public void Restarts_are_never_weaker_than_one_run_and_start_from_the_same_first_run()
    {
        using var model = TinyNetworks.Mlp(seed: 8, hidden: 32);
        using var images = TinyNetworks.RandomImages(200, seed: 9);
        using var labels = torch.arange(200, dtype: ScalarType.Int64) % 10;

        var (oneWrong, oneLoss) = Outcome(model, images, labels, restarts: 1);
        var (fiveWrong, fiveLoss) = Outcome(model, images, labels, restarts: 5);

        for (var i = 0; i < oneWrong.Length; i++)
        {
            Assert.True(fiveWrong[i] || !oneWrong[i], $"input {i} is misclassified after one run but not after five");
            if (oneWrong[i] == fiveWrong[i])
            {
                Assert.True(fiveLoss[i] >= oneLoss[i] - 1e-6, $"input {i}: loss {fiveLoss[i]} after restarts is below {oneLoss[i]} of one run");
            }
        }
        Assert.True(fiveLoss.Sum() > oneLoss.Sum(), "restarts found nothing stronger on any of 200 inputs");
    }

    [Fact]
    public void Restarts_need_the_random_start()
    {
        using var model = TinyNetworks.Mlp(seed: 3);
        using var images = TinyNetworks.RandomImages(2, seed: 4);
        using var labels = torch.zeros(2, dtype: ScalarType.Int64);

        Assert.Throws<ArgumentOutOfRangeException>(() => Pgd.Attack(model, images, labels, 0.1, steps: 2, randomStart: false, restarts: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pgd.Attack(model, images, labels, 0.1, steps: 2, generator: new Generator(1), restarts: 0));
    }

    private static (bool[] Wrong, float[] Loss) Outcome(Module model, Tensor images, Tensor labels, int restarts)
    {
        // Few steps with a small step size, so single runs often fail and the restarts have room to help.
        using var generator = new Generator(21);
        using var adversarial = Pgd.Attack(model, images, labels, 0.05, steps: 2, stepSize: 0.005, generator: generator, restarts: restarts);
        using var noGrad = torch.no_grad();
        using var logits = model.forward(adversarial);
        using var wrong = logits.argmax(1).ne(labels);
        using var loss = nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.None);
        return (wrong.data<bool>().ToArray(), loss.data<float>().ToArray());
    }
}
