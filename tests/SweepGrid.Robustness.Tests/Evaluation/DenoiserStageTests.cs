using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>Seed 004's denoising autoencoder stacked before the classifier, trained at evaluation from the trial's seed.</summary>
public class DenoiserStageTests
{
    private static readonly TrialDefinition Trial = new()
    {
        TrainLimit = 300,
        TestLimit = 200,
        Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 32 },
        Training = new TrainingConfig { Seed = 4, Epochs = 1, BatchSize = 30 },
        Evaluations = ["dae;epochs=1:clean", "dae;epochs=1:fgsm=0.2", "graybox:dae;epochs=1:fgsm=0.2"],
    };

    [Fact]
    public void Stacked_autoencoder_entries_are_evaluated_and_reproducible()
    {
        var environment = new TrialEnvironment(TestData.MnistDirectory, torch.CPU, Threads: 2);

        var trained = TrialRunner.Run(Trial, environment);
        var again = TrialRunner.Evaluate(Trial, trained.Weights!, environment);

        foreach (var condition in new[] { "dae;epochs=1:clean", "dae;epochs=1:fgsm=0.2", "graybox:dae;epochs=1:fgsm=0.2" })
        {
            Assert.NotNull(trained.Get(condition, "accuracy"));
            Assert.Equal(trained.Get(condition, "accuracy"), again.Get(condition, "accuracy"));
        }
        Assert.Equal("graybox:dae;epochs=1:", new DenoiserStage(1, ThreatModel.GrayBox).Prefix);
        Assert.Equal("dae:", new DenoiserStage().Prefix);
    }
}
