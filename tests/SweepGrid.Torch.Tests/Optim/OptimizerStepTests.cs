using SweepGrid.Torch.Optim;
using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Optim;

/// <summary>
/// Each optimizer is stepped with prescribed gradients and compared with its update rule written out
/// here in plain arithmetic (float64, so only rounding separates the two).
/// </summary>
public class OptimizerStepTests
{
    private const double Tolerance = 1e-12;
    private static readonly double[] Start = [0.5, -1.0, 2.0];
    private static readonly double[][] Gradients = [[0.1, -0.2, 0.3], [-0.05, 0.4, 0.0], [0.2, 0.2, -0.1]];

    /// <summary>Steps <paramref name="optimizer"/> once per prescribed gradient and returns the parameter after each step.</summary>
    private static List<double[]> Run(Tensor parameter, Optimizer optimizer)
    {
        var trajectory = new List<double[]>();
        foreach (var g in Gradients)
        {
            using var grad = Tensor.From(g, g.Length);
            parameter.Grad = grad;
            optimizer.Step();
            trajectory.Add(parameter.ToArray<double>());
        }
        return trajectory;
    }

    private static Tensor Parameter() => Tensor.From(Start, Start.Length).RequiresGrad_();

    /// <summary>Adam as in Kingma and Ba with bias-corrected moments; L2 decay added to the gradient, or decoupled (AdamW).</summary>
    private static List<double[]> AdamByHand(double lr, double beta1, double beta2, double eps, double l2Decay, double decoupledDecay)
    {
        var p = (double[])Start.Clone();
        var m = new double[p.Length];
        var v = new double[p.Length];
        var trajectory = new List<double[]>();
        for (var t = 1; t <= Gradients.Length; t++)
        {
            for (var i = 0; i < p.Length; i++)
            {
                p[i] *= 1 - lr * decoupledDecay;
                var g = Gradients[t - 1][i] + l2Decay * p[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = v[i] / (1 - Math.Pow(beta2, t));
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }
            trajectory.Add((double[])p.Clone());
        }
        return trajectory;
    }

    private static void AssertTrajectory(List<double[]> expected, List<double[]> actual, string what)
    {
        for (var step = 0; step < expected.Count; step++)
        {
            Expect.Close(expected[step], actual[step], Tolerance, $"{what} after step {step + 1}");
        }
    }

    [Fact]
    public void Adam_with_defaults_follows_the_bias_corrected_update()
    {
        using var p = Parameter();
        using var adam = new Adam([p]);
        AssertTrajectory(AdamByHand(1e-3, 0.9, 0.999, 1e-8, 0, 0), Run(p, adam), "Adam(lr 1e-3)");
    }

    [Fact]
    public void Adam_weight_decay_is_l2_added_to_the_gradient()
    {
        using var p = Parameter();
        using var adam = new Adam([p], lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.1);
        AssertTrajectory(AdamByHand(0.05, 0.8, 0.99, 1e-6, 0.1, 0), Run(p, adam), "Adam(weight decay 0.1)");
    }

    [Fact]
    public void Adam_w_decays_the_weights_apart_from_the_gradient()
    {
        using var p = Parameter();
        using var adamW = new AdamW([p], lr: 0.05, weightDecay: 0.1);
        AssertTrajectory(AdamByHand(0.05, 0.9, 0.999, 1e-8, 0, 0.1), Run(p, adamW), "AdamW(weight decay 0.1)");
    }

    [Fact]
    public void Sgd_with_nesterov_momentum_and_weight_decay_follows_its_formula()
    {
        const double lr = 0.1, momentum = 0.9, decay = 0.01;
        using var p = Parameter();
        using var sgd = new Sgd([p], lr, momentum, nesterov: true, weightDecay: decay);
        var expected = new List<double[]>();
        var q = (double[])Start.Clone();
        var buffer = new double[q.Length];
        for (var t = 0; t < Gradients.Length; t++)
        {
            for (var i = 0; i < q.Length; i++)
            {
                var g = Gradients[t][i] + decay * q[i];
                // PyTorch starts the momentum buffer at the first gradient, not at momentum·0 + g.
                buffer[i] = t == 0 ? g : momentum * buffer[i] + g;
                q[i] -= lr * (g + momentum * buffer[i]);
            }
            expected.Add((double[])q.Clone());
        }
        AssertTrajectory(expected, Run(p, sgd), "SGD(momentum 0.9, nesterov, weight decay 0.01)");
    }

    [Fact]
    public void Plain_sgd_subtracts_the_learning_rate_times_the_gradient()
    {
        using var p = Parameter();
        using var sgd = new Sgd([p], lr: 0.5);
        var trajectory = Run(p, sgd);
        Expect.Close([0.5 - 0.05, -1.0 + 0.1, 2.0 - 0.15], trajectory[0], Tolerance, "SGD after one step");
    }

    [Fact]
    public void A_parameter_without_a_gradient_is_left_unchanged()
    {
        using var p = Parameter();
        using var adam = new Adam([p], lr: 0.1);
        adam.Step();
        Assert.Equal(Start, p.ToArray<double>());
    }

    [Fact]
    public void Zero_grad_clears_to_none_or_to_zeros()
    {
        using var p = Parameter();
        using var sgd = new Sgd([p], lr: 0.1);
        using var grad = Tensor.From([1.0, 2.0, 3.0], 3);
        p.Grad = grad;
        sgd.ZeroGrad(setToNone: false);
        using (var zeroed = p.Grad)
        {
            Assert.NotNull(zeroed);
            Assert.Equal([0.0, 0.0, 0.0], zeroed.ToArray<double>());
        }
        sgd.ZeroGrad();
        Assert.Null(p.Grad);
    }

    [Fact]
    public void The_learning_rate_can_be_read_and_changed_between_steps()
    {
        using var p = Parameter();
        using var sgd = new Sgd([p], lr: 0.1);
        Assert.Equal(0.1, sgd.LearningRate);
        sgd.LearningRate = 1.0;
        using var grad = Tensor.From([1.0, 1.0, 1.0], 3);
        p.Grad = grad;
        sgd.Step();
        Assert.Equal([-0.5, -2.0, 1.0], p.ToArray<double>());
        Assert.Equal(0.1, sgd.InitialLearningRate);
    }

    [Fact]
    public void A_negative_learning_rate_is_rejected()
    {
        using var p = Parameter();
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([p], lr: -1));
    }
}
