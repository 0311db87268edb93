using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

/// <summary>Runs alone: the live-tensor count is process-wide, so parallel tests would disturb it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConditionsNativeMemoryCollection
{
    public const string Name = "Conditions native memory";
}

[Collection(ConditionsNativeMemoryCollection.Name)]
public class NativeMemoryTests
{
    [Fact]
    public void Conditions_attacks_and_evaluations_free_every_temporary_tensor()
    {
        using var model = TinyNetworks.Mlp(seed: 1);
        using var other = TinyNetworks.Mlp(seed: 2);
        using var images = TinyNetworks.RandomImages(5, seed: 2);
        using var labels = torch.tensor(new long[] { 0L, 1L, 2L, 3L, 4L }, [5]);
        using var generator = new Generator(3);
        Module[] members = [model, other];
        var conditions = ConditionParser.ParseList("clean,brightness=0.9,blur=0.7,noise=0.2,fgsm=0.1,pgd5=0.1,deformed", trialSeed: 1);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = TorchRuntime.LiveTensorCount;

        var leaks = new List<string>();
        void Check(string what, Action action)
        {
            var start = TorchRuntime.LiveTensorCount;
            action();
            var leaked = TorchRuntime.LiveTensorCount - start;
            if (leaked != 0)
            {
                leaks.Add($"{what}: {leaked}");
            }
        }
        foreach (var condition in conditions)
        {
            Check(condition.Name, () => condition.Apply(model, images, labels).Dispose());
        }
        Check("FGSM", () => Fgsm.Attack(model, images, labels, 0.1, batchSize: 2).Dispose());
        Check("PGD", () => Pgd.Attack(model, images, labels, 0.1, steps: 3, generator: generator, batchSize: 2).Dispose());
        Check("pixel attack", () => PixelAttack.Run(model, images, labels, [1, 2], batchSize: 2));
        Check("ODIN scores", () => Odin.Scores(model, images, batchSize: 2));
        Check("ODIN perturbation", () => Odin.Perturb(model, images, batchSize: 2).Dispose());
        Check("input gradients", () => InputGradientMagnitude.PerSample(model, images, labels, batchSize: 2));
        Check("mean softmax", () => Ensemble.PredictByMeanSoftmax(members, images, batchSize: 2).Dispose());
        Check("majority vote", () => Ensemble.PredictByMajorityVote(members, images, batchSize: 2).Dispose());
        Check("OOD images", () => OutOfDistributionImages.Gaussian(3, generator).Dispose());
        Check("low-pass filter", () =>
        {
            using var filter = LowPassFilter.ForSeed004(3, noiseSigma: 0.1, noiseGenerator: generator);
            filter.forward(images).Dispose();
        });

        var after = TorchRuntime.LiveTensorCount;
        Assert.True(leaks.Count == 0, "every temporary tensor should be freed; still alive after: " + string.Join("; ", leaks));
        Assert.True(after == before, $"expected {before} live tensors after the conditions (as before them), found {after}");
    }
}
