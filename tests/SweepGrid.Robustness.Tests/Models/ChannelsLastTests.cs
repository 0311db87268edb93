using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Tests.Models;

/// <summary>
/// The convolutional models run their activations channels-last on the CPU (Layers.ChannelsLast) for
/// speed; these tests hold that this changes nothing a user can see: values, shapes, dropout masks,
/// logits and input gradients equal those of the plain NCHW computation.
/// </summary>
public class ChannelsLastTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ChannelsLast_keeps_shape_and_values_and_lays_channels_out_last_in_memory(long channels)
    {
        using var generator = new Generator(5);
        using var images = torch.rand([2, channels, 4, 6], generator: generator);

        using var nhwc = Layers.ChannelsLast(images);

        Assert.Equal(images.shape, nhwc.shape);
        Assert.True(images.eq(nhwc).all().item<bool>());
        Assert.Equal([4 * 6 * channels, 1, 6 * channels, channels], nhwc.stride());
    }

    [Fact]
    public void Seeded_dropout_draws_the_same_mask_whatever_the_memory_layout()
    {
        using var generator = new Generator(5);
        using var activations = torch.rand([2, 3, 4, 4], generator: generator) + 1;
        using var nhwc = Layers.ChannelsLast(activations);
        using var first = new SeededDropout(0.5, new Generator(9));
        using var second = new SeededDropout(0.5, new Generator(9));
        first.train();
        second.train();

        using var fromContiguous = first.forward(activations);
        using var fromChannelsLast = second.forward(nhwc);

        Assert.True(fromContiguous.eq(fromChannelsLast).all().item<bool>());
    }

    [Fact]
    public void LeNet_gives_the_logits_and_input_gradient_of_the_same_layers_computed_in_NCHW()
    {
        using var model = new LeNet(DropoutLayout.None, new Generator(17));
        model.eval();
        var p = model.named_parameters().ToDictionary(np => np.name, np => np.parameter);
        using var images = ModelStructure.RandomImages(8, seed: 18);
        using var labels = torch.arange(8, ScalarType.Int64) % 10;

        var (logits, gradient) = LogitsAndInputGradient(images, labels, model.forward);
        var (expectedLogits, expectedGradient) = LogitsAndInputGradient(images, labels, x =>
        {
            var h = nn.functional.max_pool2d(nn.functional.conv2d(x, p["conv1.weight"], p["conv1.bias"]), 2);
            h = nn.functional.max_pool2d(nn.functional.conv2d(h, p["conv2.weight"], p["conv2.bias"]), 2);
            h = nn.functional.linear(h.flatten(1), p["full.weight"], p["full.bias"]).relu();
            return nn.functional.linear(h, p["output.weight"], p["output.bias"]);
        });

        Assert.True(torch.allclose(expectedLogits, logits, rtol: 1e-5, atol: 1e-5));
        Assert.True(torch.allclose(expectedGradient, gradient, rtol: 1e-4, atol: 1e-7));
        Assert.True(gradient.abs().sum().item<float>() > 0);
    }

    private static (Tensor Logits, Tensor Gradient) LogitsAndInputGradient(Tensor images, Tensor labels, Func<Tensor, Tensor> forward)
    {
        using var input = images.clone().requires_grad_(true);
        var logits = forward(input);
        using var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        return (logits.detach(), input.grad!.clone());
    }
}
