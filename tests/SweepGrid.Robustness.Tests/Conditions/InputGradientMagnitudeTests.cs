using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

public class InputGradientMagnitudeTests
{
    /// <summary>For logits z = W·x + b, ∂CE/∂x = Wᵀ(softmax(z) − onehot(y)): G is the mean of its absolute values.</summary>
    [Fact]
    public void Matches_the_closed_form_of_a_linear_model_per_sample()
    {
        using var generator = new Generator(12);
        using var weightTensor = torch.randn([10, 784], generator: generator);
        var weight = weightTensor.data<float>().ToArray();
        float[] bias = [0.1f, -0.2f, 0.3f, 0f, 0f, 0.5f, -0.5f, 0f, 0.2f, 0f];
        using var model = TinyNetworks.LinearModel(weight, bias);
        using var images = TinyNetworks.RandomImages(3, seed: 13);
        long[] labelValues = [7, 0, 5];
        using var labels = torch.tensor(labelValues, [3]);

        var actual = InputGradientMagnitude.PerSample(model, images, labels, batchSize: 2);

        var pixels = images.data<float>().ToArray();
        for (var n = 0; n < 3; n++)
        {
            var logits = new double[10];
            for (var k = 0; k < 10; k++)
            {
                logits[k] = bias[k] + Enumerable.Range(0, 784).Sum(i => (double)weight[(k * 784) + i] * pixels[(n * 784) + i]);
            }
            var max = logits.Max();
            var exp = logits.Select(z => Math.Exp(z - max)).ToArray();
            var residual = exp.Select((e, k) => (e / exp.Sum()) - (k == labelValues[n] ? 1 : 0)).ToArray();
            var expected = Enumerable.Range(0, 784).Average(i => Math.Abs(Enumerable.Range(0, 10).Sum(k => weight[(k * 784) + i] * residual[k])));
            Assert.True(Math.Abs(expected - actual[n]) <= 1e-5 * expected, $"sample {n}: G should be {expected}, got {actual[n]}");
        }
    }
}
