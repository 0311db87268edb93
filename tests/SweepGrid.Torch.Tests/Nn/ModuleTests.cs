using SweepGrid.Torch.Nn;
using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Nn;

public class ModuleTests
{
    [Fact]
    public void Parameters_are_named_by_dotted_paths_as_in_pytorch()
    {
        using var model = new Sequential(new Linear(3, 4), new BatchNorm1d(4), new ReLU(), new Sequential(new Linear(4, 2, bias: false)));
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "3.0.weight"], model.NamedParameters().Select(p => p.Name));
        Assert.Equal(["1.running_mean", "1.running_var", "1.num_batches_tracked"], model.NamedBuffers().Select(b => b.Name));
        Assert.All(model.Parameters(), p => Assert.True(p.RequiresGrad, "every registered parameter should require grad"));
        Assert.All(model.NamedBuffers(), b => Assert.False(b.Buffer.RequiresGrad, $"buffer {b.Name} should not require grad"));
    }

    [Fact]
    public void Caffe_lenet_has_431080_parameters()
    {
        using var lenet = new Sequential(
            new Conv2d(1, 20, 5), new MaxPool2d(2), new Conv2d(20, 50, 5), new MaxPool2d(2),
            new Flatten(), new Linear(800, 500), new ReLU(), new Linear(500, 10));
        Assert.Equal(431_080, lenet.ParameterCount());
        using var x = Tensor.Zeros([2, 1, 28, 28]);
        using var y = lenet.Forward(x);
        Expect.Shape([2, 10], y, "LeNet logits");
    }

    [Fact]
    public void Linear_and_conv_weights_start_uniform_within_one_over_root_fan_in()
    {
        using var g = new Generator(11);
        using var linear = new Linear(400, 50, generator: g);
        using var conv = new Conv2d(4, 8, 5, generator: g);
        AssertUniformWithin(linear.Weight, 1 / Math.Sqrt(400), "Linear(400, 50).weight");
        AssertUniformWithin(linear.Bias!, 1 / Math.Sqrt(400), "Linear(400, 50).bias");
        AssertUniformWithin(conv.Weight, 1 / Math.Sqrt(4 * 25), "Conv2d(4, 8, 5).weight");
    }

    private static void AssertUniformWithin(Tensor t, double bound, string what)
    {
        var values = t.ToArray<float>();
        Assert.All(values, v => Assert.True(Math.Abs(v) <= bound, $"{what}: {v} lies outside ±{bound}"));
        // A U(−b, b) sample fills most of its range; a much smaller spread means the wrong bound.
        Assert.True(values.Max() > 0.8 * bound && values.Min() < -0.8 * bound, $"{what}: values do not span ±{bound}");
    }

    [Fact]
    public void Batch_norm_module_counts_training_batches_and_updates_running_statistics()
    {
        using var bn = new BatchNorm1d(2);
        using var x = Tensor.From([1f, 10f, 3f, 30f], 2, 2);
        using (var y = bn.Forward(x))
        {
            Expect.Close([-1f, -1f, 1f, 1f], y.ToArray<float>(), 1e-4, "training-mode output");
        }
        Assert.Equal(1L, bn.BatchesTracked.ItemInt64());
        Expect.Close([0.2f, 2f], bn.RunningMean.ToArray<float>(), 1e-6, "running mean");

        bn.Eval();
        using (var z = bn.Forward(x))
        {
            Expect.Close([(1 - 0.2) / Math.Sqrt(1.1 + 1e-5), (10 - 2) / Math.Sqrt(20.9 + 1e-5)],
                z.ToArray<float>().Take(2).Select(v => (double)v).ToArray(), 1e-5, "eval-mode output");
        }
        Assert.Equal(1L, bn.BatchesTracked.ItemInt64());
    }

    [Fact]
    public void Train_and_eval_reach_every_child()
    {
        using var inner = new Dropout(0.5);
        using var model = new Sequential(new Linear(2, 2), new Sequential(inner));
        Assert.True(inner.IsTraining);
        model.Eval();
        Assert.False(inner.IsTraining);
        model.Train();
        Assert.True(inner.IsTraining);
    }

    [Fact]
    public void Dropout_module_is_the_identity_in_evaluation()
    {
        using var dropout = new Dropout(0.9);
        dropout.Eval();
        using var x = Tensor.From([1f, 2f, 3f], 3);
        using var y = dropout.Forward(x);
        Assert.Equal([1f, 2f, 3f], y.ToArray<float>());
    }

    [Fact]
    public void Zero_grad_on_a_module_clears_every_parameter_gradient()
    {
        using var model = new Linear(3, 1);
        using var x = Tensor.Ones([2, 3]);
        using (var y = model.Forward(x))
        using (var loss = y.Sum())
        {
            loss.Backward();
        }
        using (var grad = model.Weight.Grad)
        {
            Assert.Equal([2f, 2f, 2f], grad!.ToArray<float>());
        }
        model.ZeroGrad();
        Assert.Null(model.Weight.Grad);
        Assert.Null(model.Bias!.Grad);
    }

    [Fact]
    public void Temperature_sigmoid_module_matches_the_functional_form()
    {
        using var layer = new TemperatureSigmoid(0.25);
        using var x = Tensor.From([-0.5, 0.0, 0.5], 3);
        using var y = layer.Forward(x);
        Expect.Close([1 / (1 + Math.Exp(2)), 0.5, 1 / (1 + Math.Exp(-2))], y.ToArray<double>(), 1e-15, "sigmoid(x / 0.25)");
        Assert.Throws<ArgumentOutOfRangeException>(() => new TemperatureSigmoid(-1));
    }
}
