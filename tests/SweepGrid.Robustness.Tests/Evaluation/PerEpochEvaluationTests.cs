using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>
/// "epochs:" entries are evaluated after every epoch and stored as "epoch&lt;k&gt;:&lt;condition&gt;" rows (the shape
/// the reports read for per-epoch curves), without changing the training.
/// </summary>
public class PerEpochEvaluationTests
{
    private static readonly TrialDefinition Plain = new()
    {
        TrainLimit = 1000,
        TestLimit = 200,
        Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 32, Temperature = 0.25 },
        Training = new TrainingConfig { Seed = 9, Epochs = 2, BatchSize = 50 },
        Evaluations = ["clean", "fgsm=0.1", "regimes"],
    };

    [Fact]
    public void Each_epoch_gets_its_rows_and_the_last_epoch_matches_the_final_model()
    {
        var environment = new TrialEnvironment(TestData.MnistDirectory, torch.CPU, Threads: 2);
        var tracked = Plain with { Evaluations = [.. Plain.Evaluations, "epochs:fgsm=0.1", "epochs:regimes"] };

        var plain = TrialRunner.Run(Plain, environment);
        var result = TrialRunner.Run(tracked, environment);

        Assert.Equal(plain.Weights, result.Weights);
        foreach (var metric in new[] { "accuracy", "regime_saturated_fraction" })
        {
            var condition = metric == "accuracy" ? "fgsm=0.1" : "clean";
            Assert.NotNull(result.Get($"epoch1:{condition}", metric));
            Assert.Equal(result.Get(condition, metric), result.Get($"epoch2:{condition}", metric));
        }
        Assert.NotNull(result.Get("epoch1:clean", "accuracy"));
        Assert.Null(result.Get("epoch3:clean", "accuracy"));
        Assert.Equal(plain.Metrics, result.Metrics.Where(m => !m.Condition.StartsWith("epoch", StringComparison.Ordinal)));
    }

    [Fact]
    public void Evaluating_stored_weights_with_per_epoch_entries_trains_again()
    {
        var environment = new TrialEnvironment(TestData.MnistDirectory, torch.CPU, Threads: 2);
        var tracked = Plain with { Evaluations = ["clean", "epochs:clean"] };
        var trained = TrialRunner.Run(Plain, environment);

        var evaluated = TrialRunner.Evaluate(tracked, trained.Weights!, environment);

        Assert.Equal(trained.Weights, evaluated.Weights);
        Assert.NotNull(evaluated.Get("epoch1:clean", "accuracy"));
    }
}
