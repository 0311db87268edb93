using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

public class AutoencoderTrainerTests
{
    [Fact]
    public void Denoising_autoencoder_lowers_its_reconstruction_loss_and_stacks_in_front_of_a_classifier()
    {
        using var digits = SyntheticDigits.Generate(512, seed: 3);
        using var all = digits.All();
        using var generator = new Generator(5);
        using var autoencoder = new DenoisingAutoencoder(inputDropout: 0.2, generator: generator);
        var config = new TrainingConfig
        {
            Epochs = 3,
            BatchSize = 64,
            Seed = 5,
            Optimizer = new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 0.1, Momentum: 0.9, Nesterov: true),
        };

        var result = new AutoencoderTrainer(config).Train(autoencoder, all, torch.CPU, generator);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(3, result.Curve.Count);
        Assert.True(result.Curve[^1].Loss < result.Curve[0].Loss,
            $"reconstruction loss should fall: epoch 1 {result.Curve[0].Loss}, epoch 3 {result.Curve[^1].Loss}");

        using var classifier = new MlpT(1.0, generator: generator);
        var stacked = new PreprocessedModel(autoencoder, classifier);
        stacked.eval();
        using var positions = torch.arange(0, 8);
        var (x, _) = all.Batch(positions, torch.CPU);
        using (x)
        using (var logits = stacked.forward(x))
        {
            Assert.Equal([8L, 10L], logits.shape);
        }
    }
}
