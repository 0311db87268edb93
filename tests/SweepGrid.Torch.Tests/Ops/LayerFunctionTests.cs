using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Ops;

public class LayerFunctionTests
{
    [Fact]
    public void Linear_computes_x_times_w_transposed_plus_bias()
    {
        using var x = Tensor.From([1f, 2f, -1f, 0.5f], 2, 2);
        using var w = Tensor.From([1f, 0f, 0f, 1f, 1f, 1f], 3, 2);
        using var b = Tensor.From([0.5f, -0.5f, 0f], 3);
        using var y = Functional.Linear(x, w, b);
        using var noBias = Functional.Linear(x, w);
        Expect.Shape([2, 3], y, "linear");
        Assert.Equal([1.5f, 1.5f, 3f, -0.5f, 0f, -0.5f], y.ToArray<float>());
        Assert.Equal([1f, 2f, 3f, -1f, 0.5f, -0.5f], noBias.ToArray<float>());
    }

    // The 3×3 input 1…9 and the 2×2 kernel [[1, 2], [3, 4]] (cross-correlation, as PyTorch):
    // top-left window 1·1 + 2·2 + 3·4 + 4·5 = 37, and so on.
    private static Tensor Input3x3() => Tensor.From([1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f], 1, 1, 3, 3);

    private static Tensor Kernel2x2() => Tensor.From([1f, 2f, 3f, 4f], 1, 1, 2, 2);

    [Fact]
    public void Conv2d_correlates_the_kernel_with_each_window()
    {
        using var x = Input3x3();
        using var w = Kernel2x2();
        using var b = Tensor.From([0.5f], 1);
        using var y = Functional.Conv2d(x, w, b);
        Expect.Shape([1, 1, 2, 2], y, "conv2d");
        Assert.Equal([37.5f, 47.5f, 67.5f, 77.5f], y.ToArray<float>());
    }

    [Fact]
    public void Conv2d_with_zero_padding_sees_only_the_corner_at_the_corner()
    {
        using var x = Input3x3();
        using var w = Kernel2x2();
        using var y = Functional.Conv2d(x, w, padding: (1, 1));
        Expect.Shape([1, 1, 4, 4], y, "padded conv2d");
        var values = y.ToArray<float>();
        Assert.Equal(4f * 1f, values[0]);
        Assert.Equal(1f * 9f, values[15]);
        Assert.Equal(37f, values[5]);
    }

    [Fact]
    public void Conv2d_with_stride_two_skips_windows()
    {
        using var x = Tensor.Arange(0, 16, dtype: ScalarType.Float32);
        using var image = x.Reshape(1, 1, 4, 4);
        using var w = Tensor.Ones([1, 1, 2, 2]);
        using var y = Functional.Conv2d(image, w, stride: (2, 2));
        // Window sums of 0…15 in 2×2 blocks: (0+1+4+5), (2+3+6+7), (8+9+12+13), (10+11+14+15).
        Assert.Equal([10f, 18f, 42f, 50f], y.ToArray<float>());
    }

    [Fact]
    public void Conv2d_sums_over_input_channels()
    {
        using var x = Tensor.From([1f, 2f, 3f, 4f, 10f, 20f, 30f, 40f], 1, 2, 2, 2);
        using var w = Tensor.From([1f, 1f, 1f, 1f, -1f, 0f, 0f, 1f], 1, 2, 2, 2);
        using var y = Functional.Conv2d(x, w);
        Assert.Equal([10f + (-10f + 40f)], y.ToArray<float>());
    }

    [Fact]
    public void Max_and_average_pooling_reduce_each_window()
    {
        using var x = Tensor.Arange(0, 16, dtype: ScalarType.Float32);
        using var image = x.Reshape(1, 1, 4, 4);
        using var max = Functional.MaxPool2d(image, (2, 2));
        using var avg = Functional.AvgPool2d(image, (2, 2));
        using var overlapping = Functional.MaxPool2d(image, (3, 3), stride: (1, 1));
        Assert.Equal([5f, 7f, 13f, 15f], max.ToArray<float>());
        Assert.Equal([2.5f, 4.5f, 10.5f, 12.5f], avg.ToArray<float>());
        Assert.Equal([10f, 11f, 14f, 15f], overlapping.ToArray<float>());
    }

    [Fact]
    public void Softmax_and_log_softmax_normalise_along_the_dimension()
    {
        using var z = Tensor.From([1.0, 2.0, 3.0, 0.0, 0.0, 0.0], 2, 3);
        using var p = Functional.Softmax(z, 1);
        using var logP = Functional.LogSoftmax(z, -1);
        var total = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        double[] expected = [Math.Exp(1) / total, Math.Exp(2) / total, Math.Exp(3) / total, 1 / 3.0, 1 / 3.0, 1 / 3.0];
        Expect.Close(expected, p.ToArray<double>(), 1e-15, "softmax");
        Expect.Close(expected.Select(v => Math.Log(v)).ToArray(), logP.ToArray<double>(), 1e-15, "log_softmax");
    }

    private static readonly double[] Logits = [1.0, 2.0, 3.0, 1.0, 1.0, 1.0];
    private static readonly double LogSumExp0 = Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3));

    [Fact]
    public void Cross_entropy_with_class_indices_is_the_mean_negative_log_likelihood()
    {
        using var z = Tensor.From(Logits, 2, 3);
        using var y = Tensor.From([2L, 0L], 2);
        using var mean = Functional.CrossEntropy(z, y);
        using var sum = Functional.CrossEntropy(z, y, Reduction.Sum);
        using var each = Functional.CrossEntropy(z, y, Reduction.None);
        double[] perSample = [LogSumExp0 - 3, Math.Log(3)];
        Expect.Close(perSample, each.ToArray<double>(), 1e-14, "per-sample cross-entropy");
        Expect.Close(perSample.Average(), mean.Item(), 1e-14, "mean cross-entropy");
        Expect.Close(perSample.Sum(), sum.Item(), 1e-14, "summed cross-entropy");
    }

    [Fact]
    public void Cross_entropy_with_probability_targets_weights_every_class()
    {
        using var z = Tensor.From(Logits, 2, 3);
        double[] q = [0.2, 0.3, 0.5, 0.0, 1.0, 0.0];
        using var target = Tensor.From(q, 2, 3);
        using var loss = Functional.CrossEntropy(z, target);
        var first = -(0.2 * (1 - LogSumExp0) + 0.3 * (2 - LogSumExp0) + 0.5 * (3 - LogSumExp0));
        var second = Math.Log(3);
        Expect.Close((first + second) / 2, loss.Item(), 1e-14, "soft-target cross-entropy");
    }

    [Fact]
    public void Cross_entropy_with_one_hot_probabilities_equals_the_hard_label_loss()
    {
        using var z = Tensor.From(Logits, 2, 3);
        using var labels = Tensor.From([2L, 0L], 2);
        using var oneHot = labels.OneHot(3);
        using var probabilities = oneHot.To(ScalarType.Float64);
        using var hard = Functional.CrossEntropy(z, labels);
        using var soft = Functional.CrossEntropy(z, probabilities);
        Expect.Close(hard.Item(), soft.Item(), 1e-15, "one-hot soft target vs hard target");
    }

    [Fact]
    public void Label_smoothing_mixes_the_hard_loss_with_the_uniform_one()
    {
        using var z = Tensor.From(Logits, 2, 3);
        using var y = Tensor.From([2L, 0L], 2);
        using var loss = Functional.CrossEntropy(z, y, labelSmoothing: 0.1);
        var uniform0 = new[] { 1.0, 2.0, 3.0 }.Average(v => LogSumExp0 - v);
        var expected = (0.9 * (LogSumExp0 - 3) + 0.1 * uniform0 + Math.Log(3)) / 2;
        Expect.Close(expected, loss.Item(), 1e-14, "label-smoothed cross-entropy");
    }

    [Fact]
    public void Nll_loss_picks_the_negated_log_probability_of_each_target()
    {
        using var logP = Tensor.From([-0.1, -2.0, -3.0, -1.5, -0.4, -2.5], 2, 3);
        using var y = Tensor.From([0L, 2L], 2);
        using var mean = Functional.NllLoss(logP, y);
        using var none = Functional.NllLoss(logP, y, Reduction.None);
        Assert.Equal([0.1, 2.5], none.ToArray<double>());
        Expect.Close(1.3, mean.Item(), 1e-15, "mean nll");
    }

    [Fact]
    public void Mse_and_binary_cross_entropy_match_their_formulas()
    {
        using var p = Tensor.From([0.9, 0.2], 2);
        using var t = Tensor.From([1.0, 0.0], 2);
        using var mse = Functional.MseLoss(p, t);
        using var bce = Functional.BinaryCrossEntropy(p, t);
        Expect.Close((0.01 + 0.04) / 2, mse.Item(), 1e-15, "mse");
        Expect.Close(-(Math.Log(0.9) + Math.Log(0.8)) / 2, bce.Item(), 1e-15, "bce");
    }

    [Fact]
    public void Reflect_padding_mirrors_without_repeating_the_edge()
    {
        using var x = Tensor.From([1f, 2f, 3f], 1, 1, 1, 3);
        using var padded = Functional.Pad2d(x, (2, 1, 0, 0), PaddingMode.Reflect);
        using var constant = Functional.Pad2d(x, (1, 1, 0, 0), PaddingMode.Constant, 9);
        using var replicate = Functional.Pad2d(x, (1, 1, 0, 0), PaddingMode.Replicate);
        Assert.Equal([3f, 2f, 1f, 2f, 3f, 2f], padded.ToArray<float>());
        Assert.Equal([9f, 1f, 2f, 3f, 9f], constant.ToArray<float>());
        Assert.Equal([1f, 1f, 2f, 3f, 3f], replicate.ToArray<float>());
    }

    [Fact]
    public void Dropout_keeps_or_zeroes_each_unit_and_scales_the_kept_ones()
    {
        using var g = new Generator(7);
        using var x = Tensor.Ones([1000], ScalarType.Float64);
        using var dropped = Functional.Dropout(x, 0.25, training: true, generator: g);
        using var evaluation = Functional.Dropout(x, 0.25, training: false, generator: g);
        var values = dropped.ToArray<double>();
        Assert.All(values, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.75) < 1e-15, $"dropout output {v} is neither 0 nor 1/(1−p)"));
        var kept = values.Count(v => v != 0);
        Assert.InRange(kept, 700, 800);
        Assert.All(evaluation.ToArray<double>(), v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void Batch_norm_in_training_uses_batch_statistics_and_updates_running_ones()
    {
        using var x = Tensor.From([1.0, 10.0, 3.0, 30.0], 2, 2);
        using var runningMean = Tensor.Zeros([2], ScalarType.Float64);
        using var runningVar = Tensor.Ones([2], ScalarType.Float64);
        using var y = Functional.BatchNorm(x, runningMean, runningVar, null, null, training: true, momentum: 0.1, eps: 0);
        // Each column normalised by its biased batch variance: (1, 3) → (−1, 1), (10, 30) → (−1, 1).
        Expect.Close([-1.0, -1.0, 1.0, 1.0], y.ToArray<double>(), 1e-12, "normalised");
        Expect.Close([0.2, 2.0], runningMean.ToArray<double>(), 1e-12, "running mean (momentum 0.1)");
        // Running variance uses the unbiased batch variance: (1, 3) → 2, (10, 30) → 200.
        Expect.Close([0.9 + 0.2, 0.9 + 20.0], runningVar.ToArray<double>(), 1e-12, "running variance");
    }

    [Fact]
    public void Batch_norm_in_evaluation_uses_the_running_statistics()
    {
        using var x = Tensor.From([1.0, 10.0], 1, 2);
        using var runningMean = Tensor.From([1.0, 2.0], 2);
        using var runningVar = Tensor.From([4.0, 16.0], 2);
        using var weight = Tensor.From([2.0, 1.0], 2);
        using var bias = Tensor.From([0.5, 0.0], 2);
        using var y = Functional.BatchNorm(x, runningMean, runningVar, weight, bias, training: false, eps: 0);
        Expect.Close([0.5, 2.0], y.ToArray<double>(), 1e-12, "eval batch norm");
    }
}
