using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Ops;

public class ArithmeticTests
{
    [Fact]
    public void Element_wise_operators_compute_each_pair()
    {
        using var a = Tensor.From([1f, 2f, 3f, 4f], 2, 2);
        using var b = Tensor.From([10f, 20f, 30f, 40f], 2, 2);
        using var sum = a + b;
        using var difference = b - a;
        using var product = a * b;
        using var quotient = b / a;
        using var negated = -a;
        Assert.Equal([11f, 22f, 33f, 44f], sum.ToArray<float>());
        Assert.Equal([9f, 18f, 27f, 36f], difference.ToArray<float>());
        Assert.Equal([10f, 40f, 90f, 160f], product.ToArray<float>());
        Assert.Equal([10f, 10f, 10f, 10f], quotient.ToArray<float>());
        Assert.Equal([-1f, -2f, -3f, -4f], negated.ToArray<float>());
    }

    [Fact]
    public void Scalar_operators_apply_on_either_side()
    {
        using var a = Tensor.From([1.0, 2.0, 4.0], 3);
        using var plus = a + 1.5;
        using var rsub = 10.0 - a;
        using var times = 3.0 * a;
        using var divided = a / 4.0;
        using var alpha = a.Add(a, alpha: 0.5);
        using var squared = a.Pow(2);
        Assert.Equal([2.5, 3.5, 5.5], plus.ToArray<double>());
        Assert.Equal([9.0, 8.0, 6.0], rsub.ToArray<double>());
        Assert.Equal([3.0, 6.0, 12.0], times.ToArray<double>());
        Assert.Equal([0.25, 0.5, 1.0], divided.ToArray<double>());
        Assert.Equal([1.5, 3.0, 6.0], alpha.ToArray<double>());
        Assert.Equal([1.0, 4.0, 16.0], squared.ToArray<double>());
    }

    [Fact]
    public void Integer_tensors_accept_whole_alphas_and_factors_and_stay_integer()
    {
        // Batch norm's num_batches_tracked counter is an int64 tensor incremented in place.
        using var counter = Tensor.Zeros([], ScalarType.Int64);
        using var one = Tensor.Scalar(1, ScalarType.Int64);
        counter.Add_(one).Add_(one, alpha: 3);
        Assert.Equal(4L, counter.ItemInt64());
        counter.Mul_(2);
        Assert.Equal(8L, counter.ItemInt64());

        using var a = Tensor.From([5L, 7L], 2);
        using var b = Tensor.From([1L, 2L], 2);
        using var sum = a.Add(b, alpha: 2);
        using var difference = a.Sub(b, alpha: 3);
        Assert.Equal(ScalarType.Int64, sum.DType);
        Assert.Equal([7L, 11L], sum.ToArray<long>());
        Assert.Equal([2L, 1L], difference.ToArray<long>());
    }

    [Fact]
    public void Fractional_alpha_still_applies_to_floating_point_tensors()
    {
        using var a = Tensor.From([1.0, 2.0], 2);
        using var b = Tensor.From([4.0, 8.0], 2);
        using var difference = a.Sub(b, alpha: 0.25);
        Assert.Equal([0.0, 0.0], difference.ToArray<double>());
        a.Mul_(0.5);
        Assert.Equal([0.5, 1.0], a.ToArray<double>());
    }

    [Fact]
    public void Column_and_row_broadcast_to_a_matrix()
    {
        using var column = Tensor.From([1f, 2f], 2, 1);
        using var row = Tensor.From([10f, 20f, 30f], 3);
        using var sum = column + row;
        using var product = column * row;
        Expect.Shape([2, 3], sum, "[2,1] + [3]");
        Assert.Equal([11f, 21f, 31f, 12f, 22f, 32f], sum.ToArray<float>());
        Assert.Equal([10f, 20f, 30f, 20f, 40f, 60f], product.ToArray<float>());
    }

    [Fact]
    public void Matmul_of_two_matrices_matches_the_hand_product()
    {
        using var a = Tensor.From([1f, 2f, 3f, 4f], 2, 2);
        using var b = Tensor.From([5f, 6f, 7f, 8f], 2, 2);
        using var c = a.Matmul(b);
        Assert.Equal([19f, 22f, 43f, 50f], c.ToArray<float>());
    }

    [Fact]
    public void Matmul_broadcasts_a_matrix_over_a_batch()
    {
        using var batch = Tensor.From([1.0, 0.0, 0.0, 1.0, 2.0, 0.0, 0.0, 3.0], 2, 2, 2);
        using var m = Tensor.From([1.0, 2.0, 3.0, 4.0], 2, 2);
        using var c = batch.Matmul(m);
        Expect.Shape([2, 2, 2], c, "[2,2,2]·[2,2]");
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 2.0, 4.0, 9.0, 12.0], c.ToArray<double>());
    }

    [Fact]
    public void Matmul_of_matrix_and_vector_gives_a_vector()
    {
        using var m = Tensor.From([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        using var v = Tensor.From([1f, 0f, -1f], 3);
        using var c = m.Matmul(v);
        Expect.Shape([2], c, "[2,3]·[3]");
        Assert.Equal([-2f, -2f], c.ToArray<float>());
    }

    [Fact]
    public void Sign_of_zero_is_zero_so_fgsm_leaves_flat_pixels_alone()
    {
        using var x = Tensor.From([-3.5f, -0f, 0f, 1e-30f, 2f], 5);
        using var sign = x.Sign();
        Assert.Equal([-1f, 0f, 0f, 1f, 1f], sign.ToArray<float>());
    }

    [Fact]
    public void Clamp_limits_to_the_given_bounds_only()
    {
        using var x = Tensor.From([-2.0, -0.5, 0.5, 2.0], 4);
        using var both = x.Clamp(0, 1);
        using var lower = x.Clamp(min: 0);
        using var upper = x.Clamp(max: 0);
        Assert.Equal([0.0, 0.0, 0.5, 1.0], both.ToArray<double>());
        Assert.Equal([0.0, 0.0, 0.5, 2.0], lower.ToArray<double>());
        Assert.Equal([-2.0, -0.5, 0.0, 0.0], upper.ToArray<double>());
    }

    [Fact]
    public void Clamp_between_tensors_projects_onto_an_epsilon_box()
    {
        using var x = Tensor.From([0.0, 0.5, 1.0], 3);
        using var low = Tensor.From([0.1, 0.1, 0.1], 3);
        using var high = Tensor.From([0.2, 0.6, 0.9], 3);
        using var projected = x.Clamp(low, high);
        Assert.Equal([0.1, 0.5, 0.9], projected.ToArray<double>());
    }

    [Fact]
    public void Comparisons_give_boolean_masks()
    {
        using var a = Tensor.From([1f, 2f, 3f], 3);
        using var b = Tensor.From([3f, 2f, 1f], 3);
        using var eq = a.Eq(b);
        using var ne = a.Ne(b);
        using var lt = a.Lt(b);
        using var le = a.Le(b);
        using var gt = a.Gt(b);
        using var ge = a.Ge(2);
        Assert.Equal(ScalarType.Bool, eq.DType);
        Assert.Equal([false, true, false], eq.ToArray<bool>());
        Assert.Equal([true, false, true], ne.ToArray<bool>());
        Assert.Equal([true, false, false], lt.ToArray<bool>());
        Assert.Equal([true, true, false], le.ToArray<bool>());
        Assert.Equal([false, false, true], gt.ToArray<bool>());
        Assert.Equal([false, true, true], ge.ToArray<bool>());
    }

    [Fact]
    public void Where_picks_by_mask()
    {
        using var a = Tensor.From([1f, 2f, 3f], 3);
        using var b = Tensor.From([-1f, -2f, -3f], 3);
        using var mask = a.Gt(1.5);
        using var picked = Tensor.Where(mask, a, b);
        Assert.Equal([-1f, 2f, 3f], picked.ToArray<float>());
    }

    [Fact]
    public void Activations_match_their_closed_forms()
    {
        double[] xs = [-2.0, -0.5, 0.0, 1.0];
        using var x = Tensor.From(xs, 4);
        using var relu = x.Relu();
        using var sigmoid = x.Sigmoid();
        using var tanh = x.Tanh();
        using var gelu = x.Gelu();
        using var geluTanh = x.Gelu(tanhApproximation: true);
        Assert.Equal([0.0, 0.0, 0.0, 1.0], relu.ToArray<double>());
        Expect.Close(xs.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), sigmoid.ToArray<double>(), 1e-15, "sigmoid");
        Expect.Close(xs.Select(v => Math.Tanh(v)).ToArray(), tanh.ToArray<double>(), 1e-15, "tanh");
        // Φ(1) = 0.841344746..., Φ(−0.5) = 0.308537538..., Φ(−2) = 0.022750131...
        Expect.Close([-2 * 0.0227501319481792, -0.5 * 0.3085375387259869, 0.0, 0.8413447460685429], gelu.ToArray<double>(), 1e-12, "gelu (erf)");
        Expect.Close(xs.Select(v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)))).ToArray(),
            geluTanh.ToArray<double>(), 1e-12, "gelu (tanh)");
    }

    [Theory]
    [InlineData(0.125)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void Temperature_sigmoid_divides_the_net_input_by_the_temperature(double temperature)
    {
        double[] xs = [-3.0, -0.1, 0.0, 0.2, 5.0];
        using var x = Tensor.From(xs, 5);
        using var y = Functional.TemperatureSigmoid(x, temperature);
        Expect.Close(xs.Select(v => 1 / (1 + Math.Exp(-v / temperature))).ToArray(), y.ToArray<double>(), 1e-15, $"sigmoid(x/{temperature})");
    }

    [Fact]
    public void Temperature_sigmoid_rejects_a_non_positive_temperature()
    {
        using var x = Tensor.Zeros([2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Functional.TemperatureSigmoid(x, 0));
    }

    [Fact]
    public void Exp_log_abs_and_sqrt_match_math()
    {
        using var x = Tensor.From([0.25, 1.0, 4.0], 3);
        using var exp = x.Exp();
        using var log = x.Log();
        using var sqrt = x.Sqrt();
        using var negative = -x;
        using var abs = negative.Abs();
        Expect.Close([Math.Exp(0.25), Math.E, Math.Exp(4)], exp.ToArray<double>(), 1e-12, "exp");
        Expect.Close([Math.Log(0.25), 0, Math.Log(4)], log.ToArray<double>(), 1e-15, "log");
        Assert.Equal([0.5, 1.0, 2.0], sqrt.ToArray<double>());
        Assert.Equal([0.25, 1.0, 4.0], abs.ToArray<double>());
    }
}
