using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Tests.Models;

/// <summary>Parameter counts as published (seeds 001, 003, 004) pin the architectures layer by layer.</summary>
public class ParameterCountTests
{
    [Theory]
    [InlineData(ModelKind.Mlp, Activation.Relu, 203_530)]
    [InlineData(ModelKind.LeNet, Activation.Relu, 431_080)]
    [InlineData(ModelKind.M3, Activation.Relu, 1_124_180)]
    [InlineData(ModelKind.M3, Activation.Gelu, 1_124_180)]
    [InlineData(ModelKind.M5, Activation.Relu, 1_128_180)]
    [InlineData(ModelKind.M5, Activation.Gelu, 1_128_180)]
    [InlineData(ModelKind.M7, Activation.Relu, 2_291_972)]
    [InlineData(ModelKind.M7, Activation.Gelu, 2_291_972)]
    public void Model_has_the_published_parameter_count(ModelKind kind, Activation activation, long expected)
    {
        using var generator = new Generator(1);
        using var model = new ModelSpec { Kind = kind, Activation = activation }.Create(generator);

        Assert.True(model.ParameterCount() == expected, $"{kind} {activation} should have {expected:N0} parameters, has {model.ParameterCount():N0}");
    }

    [Fact]
    public void LeNet_parameter_count_does_not_depend_on_its_dropout_layout()
    {
        using var generator = new Generator(1);
        using var model = new LeNet(DropoutLayout.All, generator);

        Assert.Equal(431_080, model.ParameterCount());
    }

    [Fact]
    public void Mlp_parameter_count_follows_its_hidden_width()
    {
        using var generator = new Generator(1);
        using var model = new MlpT(0.5, hiddenUnits: 32, generator);

        Assert.Equal((784 * 32) + 32 + (32 * 10) + 10, model.ParameterCount());
    }
}
