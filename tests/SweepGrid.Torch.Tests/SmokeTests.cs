using SweepGrid.Torch.Nn;
using SweepGrid.Torch.Optim;

namespace SweepGrid.Torch.Tests;

public class SmokeTests
{
    [Fact]
    public void Adds_two_tensors_and_reads_back_the_values()
    {
        using var a = Tensor.From([1f, 2f, 3f], 3);
        using var b = Tensor.From([10f, 20f, 30f], 3);
        using var c = a + b;
        Assert.Equal([11f, 22f, 33f], c.ToArray<float>());
    }

    [Fact]
    public void Linear_model_learns_with_adam()
    {
        using var g = new Generator(1);
        using var model = new Sequential(new Linear(4, 8, generator: g), new ReLU(), new Linear(8, 2, generator: g));
        using var opt = new Adam(model.Parameters(), 0.01);
        using var x = Random.Randn([64, 4], g);
        using var y = Tensor.From(Enumerable.Range(0, 64).Select(i => (long)(i % 2)).ToArray(), 64);
        double first = 0, last = 0;
        for (var i = 0; i < 100; i++)
        {
            using var scope = DisposeScope.Begin();
            var loss = Functional.CrossEntropy(model.Forward(x), y);
            if (i == 0) first = loss.Item();
            last = loss.Item();
            opt.ZeroGrad();
            loss.Backward();
            opt.Step();
        }
        Assert.True(last < first, $"loss went from {first} to {last}");
    }
}
