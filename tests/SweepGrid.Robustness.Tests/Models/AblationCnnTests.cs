using SweepGrid.Robustness.Weights;
using SweepGrid.Robustness.Models;

using TorchSharp.Modules;

namespace SweepGrid.Robustness.Tests.Models;

/// <summary>Seed 000's CNN and its four ablations: each switch removes or replaces exactly what it names.</summary>
public class AblationCnnTests
{
    // conv 1→32, 32→32, 32→64, 64→64 (3×3 with bias), fc 3136→128, fc 128→10.
    private const long WeightsAndBiases = (9 * 32) + 32 + (9 * 32 * 32) + 32 + (9 * 32 * 64) + 64 + (9 * 64 * 64) + 64 + (3136 * 128) + 128 + (128 * 10) + 10;

    // γ and β of the four BatchNorm2d layers and the BatchNorm1d(128).
    private const long BatchNormParameters = 2 * (32 + 32 + 64 + 64 + 128);

    // The 3×3 stride-2 convolutions (with bias) that replace the two pools.
    private const long PoolingConvolutions = (9 * 32 * 32) + 32 + (9 * 64 * 64) + 64;

    private static AblationCnn Create(AblationSwitches switches)
    {
        using var generator = new Generator(7);
        return new AblationCnn(switches, generator);
    }

    [Fact]
    public void Original_has_four_convolutions_five_batch_norms_two_pools_and_three_dropouts()
    {
        using var model = Create(AblationSwitches.Original);

        Assert.Equal("original", model.Switches.VariantName);
        Assert.Equal(WeightsAndBiases + BatchNormParameters, model.ParameterCount());
        Assert.Equal(4, ModelStructure.CountOf<Conv2d>(model));
        Assert.Equal(4, ModelStructure.CountOf<BatchNorm2d>(model));
        Assert.Equal(1, ModelStructure.CountOf<BatchNorm1d>(model));
        Assert.Equal(2, ModelStructure.CountOf<MaxPool2d>(model));
        Assert.Equal(3, ModelStructure.CountOf<SeededDropout>(model));
    }

    [Fact]
    public void No_dropout_removes_only_the_dropout_layers()
    {
        using var original = Create(AblationSwitches.Original);
        using var model = Create(AblationSwitches.Original with { Dropout = false });

        Assert.Equal("no-dropout", model.Switches.VariantName);
        Assert.Equal(0, ModelStructure.CountOf<SeededDropout>(model));
        Assert.Equal(original.ParameterCount(), model.ParameterCount());
        Assert.Equal(ModelStructure.Layout(original).Replace(",SeededDropout", "", StringComparison.Ordinal), ModelStructure.Layout(model));
    }

    [Fact]
    public void No_batchnorm_removes_every_batch_norm_and_its_parameters()
    {
        using var model = Create(AblationSwitches.Original with { BatchNorm = false });

        Assert.Equal("no-batchnorm", model.Switches.VariantName);
        Assert.Equal(0, ModelStructure.CountOf<BatchNorm2d>(model) + ModelStructure.CountOf<BatchNorm1d>(model));
        Assert.Equal(WeightsAndBiases, model.ParameterCount());
        Assert.Empty(model.named_buffers());
    }

    [Fact]
    public void No_steplr_is_a_training_switch_that_leaves_the_network_as_the_original()
    {
        using var original = Create(AblationSwitches.Original);
        using var model = Create(AblationSwitches.Original with { StepLR = false });

        Assert.Equal("no-steplr", model.Switches.VariantName);
        Assert.Equal(ModelStructure.Layout(original), ModelStructure.Layout(model));
        Assert.Equal(ModelWeights.Save(original), ModelWeights.Save(model));
    }

    [Fact]
    public void Conv_instead_of_pool_replaces_each_pool_by_a_strided_convolution()
    {
        using var model = Create(AblationSwitches.Original with { Pooling = false });

        Assert.Equal("conv-instead-of-pool", model.Switches.VariantName);
        Assert.Equal(0, ModelStructure.CountOf<MaxPool2d>(model));
        Assert.Equal(6, ModelStructure.CountOf<Conv2d>(model));
        Assert.Equal(WeightsAndBiases + BatchNormParameters + PoolingConvolutions, model.ParameterCount());
    }

    [Fact]
    public void Switch_combinations_outside_the_table_get_a_descriptive_name()
    {
        var switches = new AblationSwitches(Dropout: false, BatchNorm: false);

        Assert.Equal("dropout=False,batchnorm=False,steplr=True,pooling=True", switches.VariantName);
    }
}
