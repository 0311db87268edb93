using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>Runs alone: the live-tensor count is process-wide, so parallel tests would disturb it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingNativeMemoryCollection
{
    public const string Name = "Training native memory";
}

[Collection(TrainingNativeMemoryCollection.Name)]
public class TrainingMemoryTests
{
    private static long Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return TorchRuntime.LiveTensorCount;
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("everything")]
    public void Training_loop_leaves_the_live_tensor_count_at_its_baseline(string variant)
    {
        using var data = new SyntheticDigitsSource(50, seed: 2);
        using var generator = new Generator(3);
        using var model = new ModelSpec { Kind = ModelKind.LeNet, Dropout = DropoutLayout.All }.Create(generator);
        var config = new TrainingConfig
        {
            Seed = 3,
            Epochs = 2,
            BatchSize = 16,
            Schedule = new ScheduleSettings(ScheduleKind.Step),
        };
        if (variant == "everything")
        {
            config = config with
            {
                MixUpAlpha = 1,
                Augmentation = new AugmentationSettings(10, 2, HorizontalFlip: true, NoiseSigma: 0.1),
                Adversarial = AdversarialTrainingSettings.Constant(0.1),
            };
        }
        var before = Live();

        var result = new Trainer(config).Train(model, data, torch.CPU, generator);
        var accuracy = Predictions.Accuracy(model, data, torch.CPU, batchSize: 16);
        var after = Live();

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.InRange(accuracy, 0, 1);
        Assert.True(after == before, $"{variant} training and evaluation should free every temporary tensor: {before} live before, {after} after");
    }

    [Fact]
    public void Committee_training_leaves_the_live_tensor_count_at_its_baseline()
    {
        using var data = new SyntheticDigitsSource(40, seed: 2);
        using var generator = new Generator(3);
        var natural = new TrainingConfig { Seed = 3, BatchSize = 20 };
        // TorchSharp's count keeps one entry per parameter of a disposed module although the parameter
        // itself is freed (RSS stays flat over hundreds of created and disposed models), and the committee
        // creates two models: measure that offset with the same two models untouched, then demand
        // that training adds nothing to it.
        var untouched = Live();
        SyntheticTraining.SmallMlp.Create(generator).Dispose();
        SyntheticTraining.SmallMlp.Create(generator).Dispose();
        var modelOffset = Live() - untouched;
        var before = Live();

        var result = AdversarialCommittee.Train(SyntheticTraining.SmallMlp, data, natural, new CommitteeSettings(3, 2, 0.1, 0.5), torch.CPU, generator);
        var after = Live();

        Assert.Equal(3, result.Snapshots.Count);
        Assert.True(after - before == modelOffset, $"committee training should free every tensor it creates: {before} live before, {after} after, {modelOffset} of them the two disposed models' parameters");
    }
}
