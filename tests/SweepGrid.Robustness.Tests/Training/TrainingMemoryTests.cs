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
    public void A_thousand_training_steps_leave_live_tensors_and_resident_memory_flat()
    {
        using var data = new SyntheticDigitsSource(1000, seed: 4);
        using var generator = new Generator(5);
        using var model = new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 256 }.Create(generator);
        var trainer = new Trainer(new TrainingConfig { Seed = 5, Epochs = 10, BatchSize = 10 });
        var resident = new List<long>();
        trainer.EpochCompleted += _ =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            resident.Add(self.WorkingSet64);
        };
        var before = Live();

        var result = trainer.Train(model, data, torch.CPU, generator);
        var after = Live();

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(1000, result.Samples / 10);   // steps = samples / batch size
        Assert.True(after == before, $"1,000 steps should leave the live tensor count where it was: {before} before, {after} after");
        // After the first epoch has warmed the allocator, nine more epochs (900 steps) must not keep growing
        // (a leak of one MLP gradient per step would add ~0.8 MB a step, 700 MB in all).
        var growth = (resident[^1] - resident[0]) / (1 << 20);
        Assert.True(growth < 64, $"resident memory grew by {growth} MiB over 900 steps: {string.Join(", ", resident.Select(r => r >> 20))} MiB after each epoch");
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
