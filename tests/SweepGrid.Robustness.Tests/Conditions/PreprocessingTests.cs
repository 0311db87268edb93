using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

public class PreprocessingTests
{
    [Fact]
    public void Seed004_filters_spread_their_taps_over_minus_three_to_three()
    {
        // k = 3, σ² = 7: taps at −3, 0, 3 ∝ exp(−9/14), 1, exp(−9/14).
        using var small = LowPassFilter.ForSeed004(3);
        var edge = Math.Exp(-9.0 / 14);
        double[] expected = [edge / (1 + (2 * edge)), 1 / (1 + (2 * edge)), edge / (1 + (2 * edge))];
        Assert.All(Enumerable.Range(0, 3), j => Assert.True(Math.Abs(expected[j] - small.Taps[j]) < 1e-12, $"tap {j}: expected {expected[j]}, got {small.Taps[j]}"));

        // k = 7 over (−3, 3) samples the integer offsets, i.e. torchvision's taps with σ = sqrt(0.6).
        using var large = LowPassFilter.ForSeed004(7);
        Assert.Equal(GaussianKernel.Taps(Math.Sqrt(0.6), 7), large.Taps);
        using var medium = LowPassFilter.ForSeed004(5);
        Assert.Equal(1.3, medium.Variance);
        Assert.Throws<ArgumentOutOfRangeException>(() => LowPassFilter.ForSeed004(9));
    }

    [Fact]
    public void A_condition_behind_a_stage_is_condition_then_stage_then_classifier()
    {
        using var classifier = TinyNetworks.Mlp(seed: 4);
        using var filter = new LowPassFilter(5, 1.0, tapHalfWidth: 2);
        var pipeline = new PreprocessedModel(filter, classifier);
        using var images = TinyNetworks.RandomImages(3, seed: 5);
        using var labels = torch.tensor(new long[] { 1L, 2L, 3L }, [3]);

        using var condition = new BrightnessCondition(0.8).Apply(pipeline, images, labels);
        using var noGrad = torch.no_grad();
        using var throughPipeline = pipeline.forward(condition);
        using var blurred = Corruptions.GaussianBlur(condition, 1.0);
        using var byHand = classifier.forward(blurred);
        CorruptionTests.AssertClose(byHand.data<float>().ToArray(), throughPipeline.data<float>().ToArray(), 1e-6,
            "brightness → low-pass (k = 5, σ = 1, integer taps) → classifier");
    }

    [Fact]
    public void Attacks_through_a_stage_differentiate_the_whole_pipeline_and_restore_modes()
    {
        using var classifier = TinyNetworks.Mlp(seed: 4);
        var stage = new FunctionStage(x => Corruptions.GaussianBlur(x, 0.7));
        var pipeline = new PreprocessedModel(stage, classifier);
        pipeline.train();
        using var images = TinyNetworks.RandomImages(3, seed: 5);
        using var labels = torch.tensor(new long[] { 1L, 2L, 3L }, [3]);
        using var attacked = Fgsm.Attack(pipeline, images, labels, 0.1);
        using var direct = Fgsm.Attack(classifier, images, labels, 0.1);
        Assert.Equal(0.0, attacked.ZeroGradientFraction);
        Assert.NotEqual(direct.Adversarials.data<float>().ToArray(), attacked.Adversarials.data<float>().ToArray());
        Assert.True(pipeline.training && classifier.training && stage.training, "the attack must restore training mode on every part of the pipeline");
    }

    [Fact]
    public void Noisy_low_pass_filter_is_seeded_and_needs_a_generator()
    {
        Assert.Throws<ArgumentException>(() => new LowPassFilter(3, 7, 3, noiseSigma: 0.1));
        using var images = TinyNetworks.RandomImages(2, seed: 5);
        using var first = Filtered(images, 17);
        using var again = Filtered(images, 17);
        using var other = Filtered(images, 18);
        Assert.Equal(first.data<float>().ToArray(), again.data<float>().ToArray());
        Assert.NotEqual(first.data<float>().ToArray(), other.data<float>().ToArray());
    }

    private static Tensor Filtered(Tensor images, ulong seed)
    {
        using var generator = new Generator(seed);
        using var filter = LowPassFilter.ForSeed004(5, noiseSigma: 0.2, noiseGenerator: generator);
        filter.eval();
        return filter.forward(images);
    }
}
