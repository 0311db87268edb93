using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Gradients;

/// <summary>
/// Autograd against central differences in float64. Each loss is Σ f(inputs)·R with a fixed random R,
/// so that every output element contributes with a different weight (a plain sum would hide errors
/// that cancel, and has a zero gradient through batch norm).
/// </summary>
public sealed class FiniteDifferenceTests : IDisposable
{
    private readonly Generator generator = new(20240501);

    public void Dispose() => generator.Dispose();

    private Tensor Leaf(params long[] shape)
    {
        var t = Random.Randn(shape, generator, ScalarType.Float64);
        t.RequiresGrad = true;
        return t;
    }

    private Tensor Weights(params long[] shape) => Random.Randn(shape, generator, ScalarType.Float64);

    private static Tensor Project(Tensor output, Tensor weights)
    {
        using var weighted = output * weights;
        return weighted.Sum();
    }

    [Fact]
    public void Linear_gradients_for_input_weight_and_bias_match_central_differences()
    {
        using var x = Leaf(3, 4);
        using var w = Leaf(2, 4);
        using var b = Leaf(2);
        using var r = Weights(3, 2);
        Tensor Loss()
        {
            using var y = Functional.Linear(x, w, b);
            return Project(y, r);
        }
        GradientCheck.BackwardMatches(Loss, ("x", x), ("weight", w), ("bias", b));
    }

    [Fact]
    public void Conv2d_gradients_for_input_weight_and_bias_match_central_differences()
    {
        using var x = Leaf(2, 2, 5, 5);
        using var w = Leaf(3, 2, 3, 3);
        using var b = Leaf(3);
        using var r = Weights(2, 3, 3, 3);
        Tensor Loss()
        {
            using var y = Functional.Conv2d(x, w, b, stride: (2, 2), padding: (1, 1));
            return Project(y, r);
        }
        GradientCheck.BackwardMatches(Loss, ("x", x), ("weight", w), ("bias", b));
    }

    [Fact]
    public void Batch_norm_in_training_mode_gradients_match_central_differences()
    {
        using var x = Leaf(4, 3, 2, 2);
        using var gamma = Leaf(3);
        using var beta = Leaf(3);
        using var runningMean = Tensor.Zeros([3], ScalarType.Float64);
        using var runningVar = Tensor.Ones([3], ScalarType.Float64);
        using var r = Weights(4, 3, 2, 2);
        Tensor Loss()
        {
            using var y = Functional.BatchNorm(x, runningMean, runningVar, gamma, beta, training: true);
            return Project(y, r);
        }
        GradientCheck.BackwardMatches(Loss, ("x", x), ("gamma", gamma), ("beta", beta));
    }

    [Theory]
    [InlineData(0.125)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void Temperature_sigmoid_gradient_matches_central_differences(double temperature)
    {
        using var x = Leaf(4, 5);
        using var r = Weights(4, 5);
        // Keep the net inputs where the sigmoid is not saturated, so the check is not a comparison of zeros.
        using (Autograd.NoGrad())
        {
            x.Mul_(0.5 * temperature);
        }
        Tensor Loss()
        {
            using var y = Functional.TemperatureSigmoid(x, temperature);
            return Project(y, r);
        }
        GradientCheck.BackwardMatches(Loss, ("x", x));
        using var grad = x.Grad!;
        using var magnitude = grad.Abs();
        using var largest = magnitude.Max();
        Assert.True(largest.Item() > 1e-3, $"T = {temperature}: all input gradients are ~0, the check compared nothing");
    }

    [Fact]
    public void Input_gradient_from_autograd_grad_matches_central_differences_through_a_small_network()
    {
        using var x = Leaf(3, 1, 6, 6);
        using var convWeight = Weights(2, 1, 3, 3);
        using var linearWeight = Weights(4, 8);
        using var labels = Tensor.From([0L, 3L, 1L], 3);
        Tensor Loss()
        {
            using var conv = Functional.Conv2d(x, convWeight);
            using var pooled = Functional.MaxPool2d(conv, (2, 2));
            using var features = pooled.Flatten(1);
            using var hidden = Functional.TemperatureSigmoid(features, 0.5);
            using var logits = Functional.Linear(hidden, linearWeight);
            return Functional.CrossEntropy(logits, labels, Reduction.Sum);
        }
        using var loss = Loss();
        using var inputGradient = Autograd.Grad(loss, x);
        Assert.Null(x.Grad);
        GradientCheck.Matches(Loss, [("x", x)], [inputGradient]);
    }

    [Fact]
    public void Autograd_grad_returns_one_gradient_per_input_and_null_for_unused_ones_when_allowed()
    {
        using var a = Tensor.From([1.0, 2.0], 2).RequiresGrad_();
        using var b = Tensor.From([3.0, 4.0], 2).RequiresGrad_();
        using var unused = Tensor.From([5.0], 1).RequiresGrad_();
        using var product = a * b;
        using var y = product.Sum();
        var grads = Autograd.Grad([y], [a, b, unused], allowUnused: true);
        using var da = grads[0];
        using var db = grads[1];
        Assert.Equal([3.0, 4.0], da!.ToArray<double>());
        Assert.Equal([1.0, 2.0], db!.ToArray<double>());
        Assert.Null(grads[2]);
    }
}
