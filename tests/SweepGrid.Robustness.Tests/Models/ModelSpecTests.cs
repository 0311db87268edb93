using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Tests.Models;

public class ModelSpecTests
{
    [Theory]
    [InlineData("mlp", ModelKind.Mlp)]
    [InlineData("MLP-T", ModelKind.Mlp)]
    [InlineData(" LeNet ", ModelKind.LeNet)]
    [InlineData("m3", ModelKind.M3)]
    [InlineData("M5", ModelKind.M5)]
    [InlineData("m7", ModelKind.M7)]
    [InlineData("ablation", ModelKind.Ablation)]
    public void ParseKind_reads_model_names_case_insensitively(string name, ModelKind expected)
    {
        Assert.Equal(expected, ModelSpec.ParseKind(name));
    }

    [Theory]
    [InlineData("resnet")]
    [InlineData("")]
    [InlineData("m9")]
    [InlineData("lenet5")]
    public void ParseKind_rejects_unknown_names_and_lists_the_allowed_ones(string name)
    {
        var error = Assert.Throws<FormatException>(() => ModelSpec.ParseKind(name));

        Assert.Contains($"unknown model '{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed: mlp, lenet, m3, m5, m7, ablation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseKind_of_null_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => ModelSpec.ParseKind(null!));
    }

    [Fact]
    public void Specs_describe_themselves_in_the_words_of_the_papers()
    {
        Assert.Equal("mlp T=0.125", new ModelSpec { Temperature = 0.125 }.ToString());
        Assert.Equal("lenet dropout=all", new ModelSpec { Kind = ModelKind.LeNet, Dropout = DropoutLayout.All }.ToString());
        Assert.Equal("m7 gelu", new ModelSpec { Kind = ModelKind.M7, Activation = Activation.Gelu }.ToString());
        Assert.Equal("ablation no-batchnorm", new ModelSpec { Kind = ModelKind.Ablation, Ablation = new AblationSwitches(BatchNorm: false) }.ToString());
    }

    [Fact]
    public void Equal_specs_are_equal_values()
    {
        var a = new ModelSpec { Kind = ModelKind.LeNet, Dropout = DropoutLayout.Parse("all") };
        var b = new ModelSpec { Kind = ModelKind.LeNet, Dropout = DropoutLayout.All };

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { Dropout = DropoutLayout.InputOnly });
    }
}
