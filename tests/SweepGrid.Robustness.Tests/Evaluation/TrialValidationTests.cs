using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>Invalid trials fail before any training; a diverged training is a result, not an exception.</summary>
public class TrialValidationTests
{
    private static readonly TrialDefinition Tiny = new()
    {
        TrainLimit = 200,
        TestLimit = 100,
        Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 32 },
        Training = new TrainingConfig { Seed = 4, BatchSize = 20 },
        Evaluations = ["clean", "fgsm=0.1"],
    };

    private static TrialResult Run(TrialDefinition trial, Action<EpochStats>? onEpoch = null) =>
        TrialRunner.Run(trial, SmallMnistTrial.Environment, onEpoch);

    [Fact]
    public void Temperature_scaling_without_a_validation_split_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(Tiny with { Evaluations = ["clean", "ts"] }));

        Assert.Contains("needs a validation split", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Activation_regimes_on_lenet_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(Tiny with { Model = new ModelSpec { Kind = ModelKind.LeNet }, Evaluations = ["regimes"] }));

        Assert.Contains("applies to MLP-T only, not lenet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_evaluation_entry_is_refused_before_any_training()
    {
        var epochs = 0;

        var error = Assert.Throws<InvalidConditionException>(() => Run(Tiny with { Evaluations = ["clean", "pgd=1.5"] }, _ => epochs++));

        Assert.Equal("pgd=1.5", error.Token);
        Assert.Equal(0, epochs);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, -1)]
    public void Negative_counts_are_refused(long validation, long trainLimit, long testLimit)
    {
        var error = Assert.Throws<ArgumentException>(() => Run(Tiny with { ValidationCount = validation, TrainLimit = trainLimit, TestLimit = testLimit }));

        Assert.Contains("must be >= 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_training_configuration_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(Tiny with { Training = Tiny.Training with { BatchSize = 0 } }));

        Assert.Contains("batch size must be >= 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diverged_trial_returns_its_status_and_reason_without_metrics_or_weights()
    {
        var diverging = Tiny with
        {
            Model = Tiny.Model with { Temperature = 1.0 / 64 },
            Training = Tiny.Training with { Epochs = 3, Optimizer = new OptimizerSettings(OptimizerKind.Sgd, 1e38) },
        };

        var result = Run(diverging);

        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.StartsWith("diverged at epoch 1", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Metrics);
        Assert.Empty(result.Curve);
        Assert.Null(result.Weights);
        Assert.Equal(0, result.Timings.EvaluateSeconds);
    }

    [Fact]
    public void Cancelled_trial_returns_cancelled_without_metrics()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = TrialRunner.Run(Tiny, SmallMnistTrial.Environment, cancellation: cancelled.Token);

        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Empty(result.Metrics);
        Assert.Null(result.Weights);
    }

    [Fact]
    public void Missing_out_of_distribution_dataset_fails_before_training()
    {
        var epochs = 0;

        // KMNIST: Fashion-MNIST may be installed system-wide (Debian's dataset-fashion-mnist), KMNIST is not packaged.
        var error = Assert.Throws<DatasetException>(() => Run(Tiny with { Evaluations = ["clean", "ood=kmnist"] }, _ => epochs++));

        Assert.Equal(DatasetFailure.Missing, error.Failure);
        Assert.Contains("kmnist", error.Message, StringComparison.Ordinal);
        Assert.True(epochs == 0, $"the missing dataset should be found out before training, but {epochs} epoch(s) ran");
    }

    [Fact]
    public void Unknown_out_of_distribution_dataset_fails_before_training()
    {
        var epochs = 0;

        var error = Assert.Throws<DatasetException>(() => Run(Tiny with { Evaluations = ["ood=no-such-set"] }, _ => epochs++));

        Assert.Equal(DatasetFailure.UnknownDataset, error.Failure);
        Assert.Equal(0, epochs);
    }
}
