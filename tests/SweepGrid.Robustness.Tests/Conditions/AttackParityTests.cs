using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

/// <summary>FGSM, PGD and ODIN against the same computations in PyTorch, with the same weights and inputs.</summary>
public class AttackParityTests
{
    private static readonly long[] Shape = [8, 1, 28, 28];
    private static readonly long[] LabelValues = [3, 1, 4, 1, 5, 9, 2, 6];

    [Fact]
    public void Fgsm_matches_pytorch_on_a_fixed_network()
    {
        using var parity = new PythonParity();
        using var setup = new ParityCase(parity);
        var (model, images, labels) = (setup.Model, setup.Images, setup.Labels);
        parity.Run("fgsm", new { shape = Shape, hidden = 16, epsilon = 0.1 });

        using var gradient = InputGradient.OfCrossEntropy(model, images, labels);
        var expectedGradient = parity.Read("gradient");
        var scale = expectedGradient.Max(Math.Abs);
        var gradientDifference = TinyNetworks.MaxAbsDifference(expectedGradient, gradient.data<float>().ToArray());
        Assert.True(gradientDifference <= 1e-5 * scale, $"input gradients differ from PyTorch's by {gradientDifference} (scale {scale})");

        using var result = Fgsm.Attack(model, images, labels, 0.1);
        AssertSameWhereGradientIsClear(parity.Read("adversarial"), result.Adversarials.data<float>().ToArray(), expectedGradient, "FGSM ε = 0.1");
    }

    [Fact]
    public void Pgd_without_random_start_matches_pytorch()
    {
        using var parity = new PythonParity();
        using var setup = new ParityCase(parity);
        var (model, images, labels) = (setup.Model, setup.Images, setup.Labels);
        // The default step is Madry et al.'s 2.5·ε/steps.
        parity.Run("pgd", new { shape = Shape, hidden = 16, epsilon = 0.1, alpha = 2.5 * 0.1 / 40, steps = 40, random_start = false, seed = 0 });
        using var adversarial = Pgd.Attack(model, images, labels, 0.1, randomStart: false);
        var difference = TinyNetworks.MaxAbsDifference(parity.Read("adversarial"), adversarial.data<float>().ToArray());
        Assert.True(difference < 1e-5, $"PGD (40 steps, α = 2.5·ε/40, no random start) differs from PyTorch's by {difference}");
    }

    [Fact]
    public void Pgd_random_start_matches_pytorch_with_the_same_seed()
    {
        using var parity = new PythonParity();
        using var setup = new ParityCase(parity);
        var (model, images, labels) = (setup.Model, setup.Images, setup.Labels);
        parity.Run("pgd", new { shape = Shape, hidden = 16, epsilon = 0.2, alpha = 0.05, steps = 5, random_start = true, seed = 99 });
        using var generator = new Generator(99);
        using var adversarial = Pgd.Attack(model, images, labels, 0.2, steps: 5, stepSize: 0.05, randomStart: true, generator: generator);
        var difference = TinyNetworks.MaxAbsDifference(parity.Read("adversarial"), adversarial.data<float>().ToArray());
        Assert.True(difference < 1e-5, $"PGD with a random start from seed 99 differs from PyTorch's by {difference}");
    }

    [Theory]
    [InlineData(1000.0, 0.0014)] // Liang et al.'s defaults
    [InlineData(0.33, 0.1)] // seed 001's best ODIN setting
    public void Odin_perturbation_and_score_match_pytorch(double temperature, double epsilon)
    {
        using var parity = new PythonParity();
        using var setup = new ParityCase(parity);
        var (model, images, labels) = (setup.Model, setup.Images, setup.Labels);
        parity.Run("odin", new { shape = Shape, hidden = 16, temperature, epsilon });
        using var perturbed = Odin.Perturb(model, images, temperature, epsilon);
        AssertSameWhereGradientIsClear(parity.Read("perturbed"), perturbed.data<float>().ToArray(), parity.Read("gradient"), "ODIN x̃");
        var scoreDifference = TinyNetworks.MaxAbsDifference(parity.Read("scores"), Odin.Scores(model, images, temperature, epsilon));
        Assert.True(scoreDifference < 1e-6, $"ODIN scores differ from PyTorch's by {scoreDifference}");
    }

    /// <summary>The fixed MLP and inputs, written for the parity script.</summary>
    private sealed class ParityCase : IDisposable
    {
        public ParityCase(PythonParity parity)
        {
            Model = TinyNetworks.Mlp(seed: 5);
            TinyNetworks.WriteWeights(Model, parity);
            Images = TinyNetworks.RandomImages(Shape[0], seed: 6);
            Labels = torch.tensor(LabelValues, [LabelValues.Length]);
            parity.Write("images", Images.data<float>().ToArray());
            parity.Write("labels", LabelValues);
        }

        public TorchSharp.Modules.Sequential Model { get; }

        public Tensor Images { get; }

        public Tensor Labels { get; }

        public void Dispose()
        {
            Model.Dispose();
            Images.Dispose();
            Labels.Dispose();
        }
    }

    // Where a gradient component is within rounding of 0 its sign is not reproducible across builds; elsewhere
    // the step must agree exactly (to float rounding).
    private static void AssertSameWhereGradientIsClear(float[] expected, float[] actual, float[] gradient, string what)
    {
        var threshold = 1e-6 * gradient.Max(Math.Abs);
        var compared = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(gradient[i]) <= threshold)
            {
                continue;
            }
            compared++;
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-6, $"{what}: element {i} should be {expected[i]} as in PyTorch, got {actual[i]}");
        }
        Assert.True(compared > expected.Length / 2, $"{what}: only {compared} of {expected.Length} elements had a clear gradient sign");
    }
}
