using SweepGrid.Robustness.Conditions;
using SweepGrid.Torch;
using SweepGrid.Torch.Nn;
using Linear = SweepGrid.Torch.Nn.Linear;

namespace SweepGrid.Robustness.Tests.Conditions;

public class AttackTests
{
    private static readonly long[] Labels6 = [0, 1, 2, 3, 4, 5];

    [Fact]
    public void Fgsm_output_stays_in_the_unit_box_and_the_epsilon_ball()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(6, seed: 2);
        using var labels = Tensor.From(Labels6, 6);
        using var result = Fgsm.Attack(model, images, labels, 0.1);
        AssertWithinBox(images, result.Adversarials, 0.1, "FGSM");
        var moved = Difference(images, result.Adversarials).Count(d => Math.Abs(d - 0.1) < 1e-6);
        Assert.True(moved > 6 * 784 / 2, $"FGSM should move most pixels by exactly ε; only {moved} moved by 0.1");
    }

    [Fact]
    public void Fgsm_leaves_inputs_with_an_exactly_zero_gradient_unchanged_and_flags_them()
    {
        // One hidden ReLU unit with bias −10: dead (zero gradient) on a black image, alive on a gray one.
        var hidden = new Linear(784, 1);
        using (Autograd.NoGrad())
        {
            hidden.Weight.Fill_(1);
            hidden.Bias!.Fill_(-10);
        }
        using var generator = new Generator(3);
        using var model = new Sequential(new Flatten(), hidden, new ReLU(), new Linear(1, 10, generator: generator));
        using var black = Tensor.Zeros([1, 1, 28, 28]);
        using var gray = Tensor.Full([1, 1, 28, 28], 0.5);
        using var images = Tensor.Cat([black, gray]);
        using var labels = Tensor.From([1L, 1L], 2);

        using var result = Fgsm.Attack(model, images, labels, 0.2);
        Assert.Equal([true, false], result.ZeroGradient.ToArray<bool>());
        Assert.Equal(0.5, result.ZeroGradientFraction);
        using var first = result.Adversarials.Narrow(0, 0, 1).Contiguous();
        Assert.All(first.ToArray<float>(), v => Assert.Equal(0f, v));
        using var second = result.Adversarials.Narrow(0, 1, 1).Contiguous();
        Assert.All(second.ToArray<float>(), v => Assert.True(Math.Abs(Math.Abs(v - 0.5) - 0.2) < 1e-6, $"a live input moves by ε = 0.2; got {v}"));
    }

    [Fact]
    public void Fgsm_gives_the_same_images_whatever_the_mini_batch_size()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(6, seed: 4);
        using var labels = Tensor.From(Labels6, 6);
        using var whole = Fgsm.Attack(model, images, labels, 0.05);
        using var batched = Fgsm.Attack(model, images, labels, 0.05, batchSize: 4);
        Assert.Equal(whole.Adversarials.ToArray<float>(), batched.Adversarials.ToArray<float>());
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    public void Attacks_reject_epsilon_outside_zero_to_one(double epsilon)
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(2, seed: 4);
        using var labels = Tensor.From([0L, 1L], 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => Fgsm.Attack(model, images, labels, epsilon));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pgd.Attack(model, images, labels, epsilon, randomStart: false));
    }

    [Fact]
    public void Pgd_stays_in_the_ball_and_is_reproducible_from_its_seed()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(6, seed: 2);
        using var labels = Tensor.From(Labels6, 6);
        using var first = PgdWithSeed(model, images, labels, 42);
        using var again = PgdWithSeed(model, images, labels, 42);
        using var other = PgdWithSeed(model, images, labels, 43);
        AssertWithinBox(images, first, 0.1, "PGD");
        Assert.Equal(first.ToArray<float>(), again.ToArray<float>());
        Assert.NotEqual(first.ToArray<float>(), other.ToArray<float>());
    }

    [Fact]
    public void Pgd_needs_a_generator_for_its_random_start()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var images = TinyNetworks.RandomImages(2, seed: 4);
        using var labels = Tensor.From([0L, 1L], 2);
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
            using var scope = DisposeScope.Begin();
            using var noGrad = Autograd.NoGrad();
            return Functional.CrossEntropy(model.Forward(x), predicted).Item();
        }
        var (clean, attacked) = (Loss(images), Loss(pgd));
        Assert.True(attacked > clean, $"PGD should raise the mean cross-entropy above the clean {clean}; got {attacked}");
    }

    [Fact]
    public void Attacks_run_in_eval_mode_and_give_every_module_its_previous_mode_back()
    {
        using var generator = new Generator(8);
        var dropout = new Dropout(0.5, generator);
        using var model = new Sequential(new Flatten(), new Linear(784, 16, generator: generator), dropout, new ReLU(), new Linear(16, 10, generator: generator));
        using var images = TinyNetworks.RandomImages(4, seed: 2);
        using var labels = Tensor.From([0L, 1L, 2L, 3L], 4);
        model.Train();
        dropout.Eval();

        using var first = Fgsm.Attack(model, images, labels, 0.1);
        using var second = Fgsm.Attack(model, images, labels, 0.1);
        Assert.Equal(first.Adversarials.ToArray<float>(), second.Adversarials.ToArray<float>());
        Assert.True(model.IsTraining, "the model was in training mode before the attack and must be after it");
        Assert.False(dropout.IsTraining, "the dropout layer was in eval mode before the attack and must stay so");

        dropout.Train();
        using var pgd = Pgd.Attack(model, images, labels, 0.1, steps: 3, randomStart: false);
        _ = Odin.Scores(model, images);
        _ = InputGradientMagnitude.PerSample(model, images, labels);
        Assert.True(model.IsTraining && dropout.IsTraining, "PGD, ODIN and input gradients must restore training mode");
    }

    private static Tensor PgdWithSeed(Module model, Tensor images, Tensor labels, ulong seed)
    {
        using var generator = new Generator(seed);
        return Pgd.Attack(model, images, labels, 0.1, steps: 5, generator: generator);
    }

    private static Tensor Predictions(Module model, Tensor images)
    {
        using var noGrad = Autograd.NoGrad();
        using var logits = model.Forward(images);
        return logits.Argmax(1);
    }

    private static float[] Difference(Tensor a, Tensor b)
    {
        using var difference = (b - a).Abs();
        return difference.ToArray<float>();
    }

    private static void AssertWithinBox(Tensor original, Tensor adversarial, double epsilon, string attack)
    {
        var values = adversarial.ToArray<float>();
        Assert.True(values.Min() >= 0 && values.Max() <= 1, $"{attack} output must stay in [0, 1]; got [{values.Min()}, {values.Max()}]");
        var largest = Difference(original, adversarial).Max();
        Assert.True(largest <= epsilon + 1e-6, $"{attack} output must stay within ε = {epsilon} of the input; largest change {largest}");
    }
}
