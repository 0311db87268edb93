using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Tests.Models;

/// <summary>Every architecture maps a batch of MNIST-shaped images [B, 1, 28, 28] to logits [B, 10].</summary>
public class OutputShapeTests
{
    private static readonly string[] SpecNames =
    [
        "mlp", "lenet", "lenet-all", "m3", "m3-gelu", "m5", "m5-gelu", "m7", "m7-gelu",
        "ablation-original", "ablation-no-dropout", "ablation-no-batchnorm", "ablation-no-steplr", "ablation-conv-instead-of-pool",
    ];

    public static TheoryData<string> Specs => new(SpecNames);

    private static ModelSpec Spec(string name) => name switch
    {
        "mlp" => new ModelSpec { Kind = ModelKind.Mlp, Temperature = 0.125 },
        "lenet" => new ModelSpec { Kind = ModelKind.LeNet },
        "lenet-all" => new ModelSpec { Kind = ModelKind.LeNet, Dropout = DropoutLayout.All },
        "m3" => new ModelSpec { Kind = ModelKind.M3 },
        "m3-gelu" => new ModelSpec { Kind = ModelKind.M3, Activation = Activation.Gelu },
        "m5" => new ModelSpec { Kind = ModelKind.M5 },
        "m5-gelu" => new ModelSpec { Kind = ModelKind.M5, Activation = Activation.Gelu },
        "m7" => new ModelSpec { Kind = ModelKind.M7 },
        "m7-gelu" => new ModelSpec { Kind = ModelKind.M7, Activation = Activation.Gelu },
        "ablation-original" => new ModelSpec { Kind = ModelKind.Ablation },
        "ablation-no-dropout" => new ModelSpec { Kind = ModelKind.Ablation, Ablation = new AblationSwitches(Dropout: false) },
        "ablation-no-batchnorm" => new ModelSpec { Kind = ModelKind.Ablation, Ablation = new AblationSwitches(BatchNorm: false) },
        "ablation-no-steplr" => new ModelSpec { Kind = ModelKind.Ablation, Ablation = new AblationSwitches(StepLR: false) },
        "ablation-conv-instead-of-pool" => new ModelSpec { Kind = ModelKind.Ablation, Ablation = new AblationSwitches(Pooling: false) },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such spec in this test"),
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Model_maps_a_batch_of_images_to_ten_finite_logits_each_in_train_and_eval_mode(string name)
    {
        using var generator = new Generator(3);
        using var model = Spec(name).Create(generator);
        using var images = ModelStructure.RandomImages(3, seed: 4);

        foreach (var training in new[] { true, false })
        {
            model.train(training);
            using var noGrad = torch.no_grad();
            using var logits = model.forward(images);

            Assert.True(logits.shape.SequenceEqual([3L, 10]), $"{Spec(name)} (training={training}) should return [3, 10] logits, got [{string.Join(", ", logits.shape)}]");
            Assert.All(logits.data<float>().ToArray(), v => Assert.True(float.IsFinite(v), $"{Spec(name)} returned a non-finite logit {v}"));
        }
    }

    [Fact]
    public void Every_model_kind_is_covered_by_the_shape_test()
    {
        var covered = SpecNames.Select(name => Spec(name).Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<ModelKind>().ToHashSet(), covered);
    }

    [Fact]
    public void Spec_builds_the_activation_it_names()
    {
        using var generator = new Generator(3);
        using var model = new ModelSpec { Kind = ModelKind.M5, Activation = Activation.Gelu }.Create(generator);

        var cnn = Assert.IsType<SimpleCnn>(model);
        Assert.Equal(5, cnn.KernelSize);
        Assert.Equal(5, ModelStructure.CountOf<TorchSharp.Modules.GELU>(cnn));
        Assert.Equal(0, ModelStructure.CountOf<TorchSharp.Modules.ReLU>(cnn));
    }

    [Fact]
    public void Mlp_hidden_net_input_has_one_value_per_hidden_unit_for_images_and_flat_vectors()
    {
        using var generator = new Generator(5);
        using var mlp = new MlpT(0.25, generator: generator);
        using var images = ModelStructure.RandomImages(4, seed: 6);
        using var flat = images.flatten(1);
        using var noGrad = torch.no_grad();

        using var fromImages = mlp.HiddenNetInput(images);
        using var fromFlat = mlp.HiddenNetInput(flat);

        Assert.Equal([4L, 256], fromImages.shape);
        Assert.Equal(fromImages.data<float>().ToArray(), fromFlat.data<float>().ToArray());
    }

    [Fact]
    public void Mlp_logits_are_the_output_layer_applied_to_the_temperature_sigmoid_of_the_net_input()
    {
        using var generator = new Generator(5);
        using var hot = new MlpT(4, generator: generator);
        using var images = ModelStructure.RandomImages(2, seed: 6);
        using var noGrad = torch.no_grad();

        using var net = hot.HiddenNetInput(images);
        var netValues = net.data<float>().ToArray();
        using var activation = torch.tensor(netValues.Select(v => (float)(1 / (1 + Math.Exp(-v / 4.0)))).ToArray(), [2, 256]);
        var weights = hot.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using var expected = nn.functional.linear(activation, weights["output.weight"], weights["output.bias"]);
        var actual = ModelStructure.Outputs(hot, images);

        var worst = expected.data<float>().ToArray().Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < 1e-5, $"logits should equal W·σ(net/T) + b; largest difference {worst}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Mlp_refuses_a_temperature_that_is_not_positive(double temperature)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MlpT(temperature));

        Assert.Contains("temperature must be > 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Simple_cnn_refuses_kernel_sizes_other_than_three_five_and_seven(int kernelSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleCnn(kernelSize));
    }
}
