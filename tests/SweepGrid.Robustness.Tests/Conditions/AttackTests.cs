using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Tests.Conditions;

public class AttackTests
{
    private static readonly long[] Labels6 = [0, 1, 2, 3, 4, 5];

    [Fact]
    public void Fgsm_output_stays_in_the_unit_box_and_the_epsilon_ball()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(6, seed: 2);
        using var labels = torch.tensor(Labels6, [6]);
        using var result = Fgsm.Attack(model, images, labels, 0.1);
        AssertWithinBox(images, result.Adversarials, 0.1, "FGSM");
        var moved = Difference(images, result.Adversarials).Count(d => Math.Abs(d - 0.1) < 1e-6);
        Assert.True(moved > 6 * 784 / 2, $"FGSM should move most pixels by exactly ε; only {moved} moved by 0.1");
    }

    [Fact]
    public void Fgsm_leaves_inputs_with_an_exactly_zero_gradient_unchanged_and_flags_them()
    {
        // One hidden ReLU unit with bias −10: dead (zero gradient) on a black image, alive on a gray one.
        var hidden = nn.Linear(784, 1);
        using (torch.no_grad())
        {
            hidden.weight!.fill_(1);
            hidden.bias!.fill_(-10);
        }
        using var generator = new Generator(3);
        using var model = nn.Sequential(nn.Flatten(), hidden, nn.ReLU(), Layers.Linear(1, 10, generator));
        using var black = torch.zeros([1, 1, 28, 28]);
        using var gray = torch.full([1, 1, 28, 28], 0.5);
        using var images = torch.cat([black, gray], 0);
        using var labels = torch.tensor(new long[] { 1L, 1L }, [2]);

        using var result = Fgsm.Attack(model, images, labels, 0.2);
        Assert.Equal([true, false], result.ZeroGradient.data<bool>().ToArray());
        Assert.Equal(0.5, result.ZeroGradientFraction);
        using var first = result.Adversarials.narrow(0, 0, 1).contiguous();
        Assert.All(first.data<float>().ToArray(), v => Assert.Equal(0f, v));
        using var second = result.Adversarials.narrow(0, 1, 1).contiguous();
        Assert.All(second.data<float>().ToArray(), v => Assert.True(Math.Abs(Math.Abs(v - 0.5) - 0.2) < 1e-6, $"a live input moves by ε = 0.2; got {v}"));
    }

    [Fact]
    public void Fgsm_gives_the_same_images_whatever_the_mini_batch_size()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(6, seed: 4);
        using var labels = torch.tensor(Labels6, [6]);
        using var whole = Fgsm.Attack(model, images, labels, 0.05);
        using var batched = Fgsm.Attack(model, images, labels, 0.05, batchSize: 4);
        Assert.Equal(whole.Adversarials.data<float>().ToArray(), batched.Adversarials.data<float>().ToArray());
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    public void Attacks_reject_epsilon_outside_zero_to_one(double epsilon)
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(2, seed: 4);
        using var labels = torch.tensor(new long[] { 0L, 1L }, [2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Fgsm.Attack(model, images, labels, epsilon));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pgd.Attack(model, images, labels, epsilon, randomStart: false));
    }

    [Fact]
    public void Pgd_stays_in_the_ball_and_is_reproducible_from_its_seed()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(6, seed: 2);
        using var labels = torch.tensor(Labels6, [6]);
        using var first = PgdWithSeed(model, images, labels, 42);
        using var again = PgdWithSeed(model, images, labels, 42);
        using var other = PgdWithSeed(model, images, labels, 43);
        AssertWithinBox(images, first, 0.1, "PGD");
        Assert.Equal(first.data<float>().ToArray(), again.data<float>().ToArray());
        Assert.NotEqual(first.data<float>().ToArray(), other.data<float>().ToArray());
    }

    [Fact]
    public void Pgd_needs_a_generator_for_its_random_start()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(2, seed: 4);
        using var labels = torch.tensor(new long[] { 0L, 1L }, [2]);
        var error = Assert.Throws<ArgumentException>(() => Pgd.Attack(model, images, labels, 0.1));
        Assert.Contains("generator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pgd_raises_the_loss_of_the_true_labels()
    {
        using var model = TinyNetworks.Mlp(seed: 1, hidden: 32);
        using var images = TinyNetworks.RandomImages(64, seed: 9);
        using var predicted = Predictions(model, images);
        using var generator = new Generator(1);
        using var pgd = Pgd.Attack(model, images, predicted, 0.03, generator: generator);
        double Loss(Tensor x)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            return nn.functional.cross_entropy(model.forward(x), predicted).item<float>();
        }
        var (clean, attacked) = (Loss(images), Loss(pgd));
        Assert.True(attacked > clean, $"PGD should raise the mean cross-entropy above the clean {clean}; got {attacked}");
    }

    [Fact]
    public void Attacks_run_in_eval_mode_and_give_every_module_its_previous_mode_back()
    {
        using var generator = new Generator(8);
        var dropout = new SeededDropout(0.5, generator);
        using var model = nn.Sequential(nn.Flatten(), Layers.Linear(784, 16, generator), dropout, nn.ReLU(), Layers.Linear(16, 10, generator));
        using var images = TinyNetworks.RandomImages(4, seed: 2);
        using var labels = torch.tensor(new long[] { 0L, 1L, 2L, 3L }, [4]);
        model.train();
        dropout.eval();

        using var first = Fgsm.Attack(model, images, labels, 0.1);
        using var second = Fgsm.Attack(model, images, labels, 0.1);
        Assert.Equal(first.Adversarials.data<float>().ToArray(), second.Adversarials.data<float>().ToArray());
        Assert.True(model.training, "the model was in training mode before the attack and must be after it");
        Assert.False(dropout.training, "the dropout layer was in eval mode before the attack and must stay so");

        dropout.train();
        using var pgd = Pgd.Attack(model, images, labels, 0.1, steps: 3, randomStart: false);
        _ = Odin.Scores(model, images);
        _ = InputGradientMagnitude.PerSample(model, images, labels);
        Assert.True(model.training && dropout.training, "PGD, ODIN and input gradients must restore training mode");
    }

    private static Tensor PgdWithSeed(Module model, Tensor images, Tensor labels, ulong seed)
    {
        using var generator = new Generator(seed);
        return Pgd.Attack(model, images, labels, 0.1, steps: 5, generator: generator);
    }

    private static Tensor Predictions(Module model, Tensor images)
    {
        using var noGrad = torch.no_grad();
        using var logits = model.forward(images);
        return logits.argmax(1);
    }

    private static float[] Difference(Tensor a, Tensor b)
    {
        using var difference = (b - a).abs();
        return difference.data<float>().ToArray();
    }

    private static void AssertWithinBox(Tensor original, Tensor adversarial, double epsilon, string attack)
    {
        var values = adversarial.data<float>().ToArray();
        Assert.True(values.Min() >= 0 && values.Max() <= 1, $"{attack} output must stay in [0, 1]; got [{values.Min()}, {values.Max()}]");
        var largest = Difference(original, adversarial).Max();
        Assert.True(largest <= epsilon + 1e-6, $"{attack} output must stay within ε = {epsilon} of the input; largest change {largest}");
    }
}
