using SweepGrid.Robustness.Weights;
using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Tests.Models;

/// <summary>Dropout acts while training and nowhere else (LeNet, the denoising autoencoder).</summary>
public class DropoutBehaviourTests
{
    [Fact]
    public void LeNet_with_all_dropout_draws_new_masks_on_every_call_in_train_mode()
    {
        using var generator = new Generator(11);
        using var model = new LeNet(DropoutLayout.All, generator);
        using var images = ModelStructure.RandomImages(4, seed: 12);
        model.train();

        var first = ModelStructure.Outputs(model, images);
        var second = ModelStructure.Outputs(model, images);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void LeNet_with_all_dropout_is_deterministic_in_eval_mode()
    {
        using var generator = new Generator(11);
        using var model = new LeNet(DropoutLayout.All, generator);
        using var images = ModelStructure.RandomImages(4, seed: 12);
        model.eval();

        var first = ModelStructure.Outputs(model, images);
        var second = ModelStructure.Outputs(model, images);

        Assert.Equal(first, second);
    }

    [Fact]
    public void LeNet_in_eval_mode_ignores_its_dropout_layout()
    {
        using var withDropout = new LeNet(DropoutLayout.All, new Generator(21));
        using var without = new LeNet(DropoutLayout.None, new Generator(21));
        using var images = ModelStructure.RandomImages(4, seed: 22);
        withDropout.eval();
        without.eval();

        Assert.Equal(ModelWeights.Save(without), ModelWeights.Save(withDropout));
        Assert.Equal(ModelStructure.Outputs(without, images), ModelStructure.Outputs(withDropout, images));
    }

    [Fact]
    public void LeNet_without_dropout_gives_the_same_output_in_train_and_eval_mode()
    {
        using var generator = new Generator(13);
        using var model = new LeNet(DropoutLayout.None, generator);
        using var images = ModelStructure.RandomImages(4, seed: 14);

        model.train();
        var training = ModelStructure.Outputs(model, images);
        model.eval();
        var evaluating = ModelStructure.Outputs(model, images);

        Assert.Equal(training, evaluating);
    }

    [Fact]
    public void Denoising_autoencoder_returns_images_of_the_input_shape_in_the_unit_interval()
    {
        using var generator = new Generator(15);
        using var autoencoder = new DenoisingAutoencoder(generator: generator);
        using var images = ModelStructure.RandomImages(3, seed: 16);
        using var flat = images.flatten(1);
        using var noGrad = torch.no_grad();

        foreach (var input in new[] { images, flat })
        {
            using var output = autoencoder.forward(input);

            Assert.Equal(input.shape, output.shape);
            Assert.All(output.data<float>().ToArray(), v => Assert.True(v is >= 0 and <= 1, $"a reconstruction pixel should lie in [0, 1], got {v}"));
        }
    }

    [Fact]
    public void Denoising_autoencoder_drops_input_pixels_only_while_training()
    {
        using var generator = new Generator(17);
        using var autoencoder = new DenoisingAutoencoder(inputDropout: 0.5, generator: generator);
        using var images = ModelStructure.RandomImages(2, seed: 18);

        autoencoder.train();
        var trainingFirst = ModelStructure.Outputs(autoencoder, images);
        var trainingSecond = ModelStructure.Outputs(autoencoder, images);
        autoencoder.eval();
        var evalFirst = ModelStructure.Outputs(autoencoder, images);
        var evalSecond = ModelStructure.Outputs(autoencoder, images);

        Assert.NotEqual(trainingFirst, trainingSecond);
        Assert.Equal(evalFirst, evalSecond);
    }

    [Fact]
    public void Stacked_model_feeds_the_stage_output_to_the_classifier()
    {
        using var generator = new Generator(19);
        using var autoencoder = new DenoisingAutoencoder(generator: generator);
        using var classifier = new LeNet(generator: generator);
        using var stacked = new SweepGrid.Robustness.Conditions.PreprocessedModel(autoencoder, classifier);
        using var images = ModelStructure.RandomImages(2, seed: 20);
        stacked.eval();

        var cleaned = ModelStructure.Outputs(autoencoder, images);
        using var cleanedImages = torch.tensor(cleaned, [2, 1, 28, 28]);
        var expected = ModelStructure.Outputs(classifier, cleanedImages);

        Assert.Equal(expected, ModelStructure.Outputs(stacked, images));
        Assert.Equal(autoencoder.ParameterCount() + classifier.ParameterCount(), stacked.ParameterCount());
    }
}
