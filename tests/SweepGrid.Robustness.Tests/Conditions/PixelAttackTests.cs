using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

public class PixelAttackTests
{
    [Fact]
    public void Pixels_are_chosen_by_largest_absolute_gradient_with_ties_to_the_lower_index()
    {
        using var gradient = torch.tensor(new float[] { 0.5f, -2f, 2f, 1f, -2f, 0.1f }, [1, 1, 2, 3]);
        using var top3 = PixelAttack.SelectPixels(gradient, 3);
        using var top2 = PixelAttack.SelectPixels(gradient, 2);
        Assert.Equal([1L, 2L, 4L], top3.data<long>().ToArray());
        Assert.Equal([1L, 2L], top2.data<long>().ToArray());
    }

    /// <summary>
    /// logit₀ = 0.95, logit₁ = x₁₀₀ + 0.9·x₂₀₀ + 0.9·x₃₀₀, the other classes far below. Input A is black (class 0):
    /// lighting pixel 100 alone gives logit₁ = 1.0 &gt; 0.95, a one-pixel success. Input B has the three pixels lit
    /// (class 1, logit₁ = 2.8): darkening one pixel leaves ≥ 1.8, darkening 100 and 200 gives 0.9 &lt; 0.95, so two
    /// pixels are needed. Input C is black but labelled 2: misclassified, so it is not attacked.
    /// </summary>
    [Fact]
    public void Linear_model_is_fooled_exactly_where_the_hand_analysis_says()
    {
        var weight = new float[10 * 784];
        weight[784 + 100] = 1f;
        weight[784 + 200] = 0.9f;
        weight[784 + 300] = 0.9f;
        float[] bias = [0.95f, 0f, -10f, -10f, -10f, -10f, -10f, -10f, -10f, -10f];
        using var model = TinyNetworks.LinearModel(weight, bias);
        var pixels = new float[3 * 784];
        pixels[784 + 100] = pixels[784 + 200] = pixels[784 + 300] = 1f;
        using var images = torch.tensor(pixels, [3, 1, 28, 28]);
        using var labels = torch.tensor(new long[] { 0L, 1L, 2L }, [3]);

        var results = PixelAttack.Run(model, images, labels, [1, 2, 3]);

        Assert.Equal([1, 2, 3], results.Select(r => r.PixelCount));
        foreach (var result in results)
        {
            Assert.Equal([true, true, false], result.Attacked);
            Assert.Equal([1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L], result.AttackedPerClass);
        }
        Assert.Equal([1, 0, 0], results[0].FewestChangedPixels);
        Assert.Equal([1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L], results[0].SucceededPerClass);
        Assert.Equal(0.5, results[0].SuccessRate);
        Assert.Equal([1, 2, 0], results[1].FewestChangedPixels);
        Assert.Equal([1, 2, 0], results[2].FewestChangedPixels);
        Assert.Equal(1.0, results[2].SuccessRate);
        Assert.Equal(1.0, results[2].SuccessRatePerClass[1]);
        Assert.True(double.IsNaN(results[2].SuccessRatePerClass[2]), "a class with no attacked input has no success rate (NaN)");
    }

    [Fact]
    public void Mini_batching_does_not_change_the_outcome()
    {
        using var model = TinyNetworks.Mlp(seed: 3, hidden: 8);
        using var images = TinyNetworks.RandomImages(10, seed: 4);
        using var labels = Predictions(model, images);
        var whole = PixelAttack.Run(model, images, labels, 2);
        var batched = PixelAttack.Run(model, images, labels, 2, batchSize: 3);
        Assert.Equal(whole.FewestChangedPixels, batched.FewestChangedPixels);
        Assert.All(whole.Attacked, a => Assert.True(a, "inputs labelled with the model's own predictions are all attacked"));
    }

    private static Tensor Predictions(Module model, Tensor images)
    {
        using var noGrad = torch.no_grad();
        using var logits = model.forward(images);
        return logits.argmax(1);
    }
}
