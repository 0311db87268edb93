using SweepGrid.Robustness.Training;
using TorchSharp.Modules;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>
/// The fused CPU Adam step against TorchSharp's own Adam over many steps (one step cannot tell β₂ or
/// the bias corrections apart: its update is lr·sign(g) whatever they are). Python parity of the first
/// step is in TrainingParityTests.
/// </summary>
public class FusedCpuAdamTests
{
    // Sizes that are not multiples of any vector width, so the scalar tail runs too.
    private static readonly long[][] Shapes = [[37], [257, 3], [5, 4, 3, 3]];

    [Theory]
    [InlineData(0.0)]
    [InlineData(5e-4)]
    public void Thirty_steps_match_TorchSharps_Adam(double weightDecay)
    {
        var (fusedParameters, referenceParameters) = TwinParameters(ScalarType.Float32);
        using var fused = new FusedCpuAdam(fusedParameters, 1e-2, weightDecay: weightDecay);
        using var reference = new Adam(referenceParameters, 1e-2, weight_decay: weightDecay);

        StepBoth(fused, fusedParameters, reference, referenceParameters, steps: 30, seed: 3);

        AssertClose(referenceParameters, fusedParameters, 1e-5);
    }

    [Fact]
    public void A_learning_rate_schedule_drives_the_fused_step_as_it_drives_TorchSharps()
    {
        var (fusedParameters, referenceParameters) = TwinParameters(ScalarType.Float32);
        using var fused = new FusedCpuAdam(fusedParameters, 1e-2);
        using var reference = new Adam(referenceParameters, 1e-2);
        var fusedSchedule = optim.lr_scheduler.StepLR(fused, 1, 0.1);
        var referenceSchedule = optim.lr_scheduler.StepLR(reference, 1, 0.1);

        for (var epoch = 0; epoch < 3; epoch++)
        {
            StepBoth(fused, fusedParameters, reference, referenceParameters, steps: 5, seed: (ulong)(10 + epoch));
            fusedSchedule.step();
            referenceSchedule.step();
        }

        Assert.Equal(1e-5, fused.ParamGroups.First().LearningRate, 12);
        AssertClose(referenceParameters, fusedParameters, 1e-5);
    }

    [Fact]
    public void Parameters_it_cannot_fuse_take_TorchSharps_step_exactly()
    {
        var (fusedParameters, referenceParameters) = TwinParameters(ScalarType.Float64);
        using var fused = new FusedCpuAdam(fusedParameters, 1e-2);
        using var reference = new Adam(referenceParameters, 1e-2);

        StepBoth(fused, fusedParameters, reference, referenceParameters, steps: 10, seed: 4);

        AssertClose(referenceParameters, fusedParameters, 0);
    }

    [Fact]
    public void A_parameter_without_a_gradient_is_left_alone()
    {
        var (parameters, _) = TwinParameters(ScalarType.Float32);
        using var before = parameters[0].detach().clone();
        using var optimizer = new FusedCpuAdam(parameters, 1e-2);
        using (var generator = new Generator(5))
        {
            parameters[1].grad = torch.randn(parameters[1].shape, generator: generator);
        }

        optimizer.step();

        Assert.True(parameters[0].eq(before).all().item<bool>());
        Assert.True(parameters[0].grad is null);
    }

    private static (Parameter[] Fused, Parameter[] Reference) TwinParameters(ScalarType type)
    {
        using var generator = new Generator(1);
        var fused = Shapes.Select(shape => new Parameter(torch.randn(shape, type, generator: generator))).ToArray();
        var reference = fused.Select(p => new Parameter(p.detach().clone())).ToArray();
        return (fused, reference);
    }

    private static void StepBoth(optim.Optimizer fused, Parameter[] fusedParameters, optim.Optimizer reference, Parameter[] referenceParameters, int steps, ulong seed)
    {
        using var generator = new Generator(seed);
        for (var step = 0; step < steps; step++)
        {
            for (var i = 0; i < fusedParameters.Length; i++)
            {
                var gradient = torch.randn(fusedParameters[i].shape, fusedParameters[i].dtype, generator: generator);
                fusedParameters[i].grad = gradient;
                referenceParameters[i].grad = gradient.clone();
            }
            fused.step();
            reference.step();
        }
    }

    private static void AssertClose(Parameter[] expected, Parameter[] actual, double tolerance)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            var worst = (expected[i] - actual[i]).abs().max().to(ScalarType.Float64).item<double>();
            Assert.True(worst <= tolerance, $"parameter {i}: largest difference {worst:G3} exceeds {tolerance:G3}");
        }
    }
}
