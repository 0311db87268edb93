using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

public class ConditionParserTests
{
    [Fact]
    public void Parses_a_condition_list_into_canonical_names_in_order()
    {
        var conditions = ConditionParser.ParseList("clean, brightness=0.80,blur=0.5,fgsm=0.1,pgd=.1,noise=0.3,deformed", trialSeed: 1);
        Assert.Equal(["clean", "brightness=0.8", "blur=0.5", "fgsm=0.1", "pgd=0.1", "noise=0.3", "deformed"], conditions.Select(c => c.Name));
        Assert.IsType<CleanCondition>(conditions[0]);
        Assert.Equal(0.8, Assert.IsType<BrightnessCondition>(conditions[1]).Factor);
        Assert.Equal(5, Assert.IsType<BlurCondition>(conditions[2]).KernelSize);
        Assert.Equal(40, Assert.IsType<PgdCondition>(conditions[4]).Steps);
    }

    [Fact]
    public void Kernel_size_and_step_count_suffixes_round_trip()
    {
        var conditions = ConditionParser.ParseList("blur7=0.9,pgd10=0.3,blur5=0.3", trialSeed: 1);
        Assert.Equal(["blur7=0.9", "pgd10=0.3", "blur=0.3"], conditions.Select(c => c.Name));
        Assert.Equal(7, ((BlurCondition)conditions[0]).KernelSize);
        Assert.Equal(10, ((PgdCondition)conditions[1]).Steps);
        Assert.Equal(conditions.Select(c => c.Name), ConditionParser.ParseList(string.Join(",", conditions.Select(c => c.Name)), 1).Select(c => c.Name));
    }

    [Theory]
    [InlineData("clean,contrast=0.5", "unknown condition \"contrast\"")]
    [InlineData("brightness=0", "brightness factor > 0")]
    [InlineData("brightness=-1", "brightness factor > 0")]
    [InlineData("blur=0", "blur σ > 0")]
    [InlineData("noise=-0.1", "noise σ > 0")]
    [InlineData("fgsm=1.5", "0 ≤ ε ≤ 1")]
    [InlineData("pgd=-0.1", "0 ≤ ε ≤ 1")]
    [InlineData("fgsm=abc", "not a number")]
    [InlineData("fgsm=NaN", "not a number")]
    [InlineData("fgsm", "needs a value")]
    [InlineData("clean=1", "takes no value")]
    [InlineData("blur4=0.5", "odd kernel size")]
    [InlineData("pgd0=0.1", "step count")]
    [InlineData("clean,,fgsm=0.1", "empty entry")]
    [InlineData("fgsm=0.1,fgsm=0.10", "appears more than once")]
    public void Rejects_bad_entries_with_a_message_that_says_what_is_allowed(string list, string expected)
    {
        var error = Assert.Throws<InvalidConditionException>(() => ConditionParser.ParseList(list, trialSeed: 1));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(list, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeds_follow_the_trial_and_differ_between_conditions()
    {
        var first = ConditionParser.ParseList("noise=0.1,noise=0.2,pgd=0.1", trialSeed: 7);
        var again = ConditionParser.ParseList("noise=0.1,noise=0.2,pgd=0.1", trialSeed: 7);
        var otherTrial = ConditionParser.ParseList("noise=0.1", trialSeed: 8);
        var seeds = first.Select(Seed).ToArray();
        Assert.Equal(seeds, again.Select(Seed));
        Assert.Equal(3, seeds.Distinct().Count());
        Assert.NotEqual(seeds[0], Seed(otherTrial[0]));
        Assert.Equal(ConditionSeed.Derive(7, "noise=0.1"), seeds[0]);
    }

    [Fact]
    public void Every_parsed_condition_returns_images_of_the_same_shape_in_the_unit_interval_and_repeats()
    {
        using var model = TinyNetworks.Mlp(seed: 2);
        using var images = TinyNetworks.RandomImages(3, seed: 3);
        using var labels = torch.tensor(new long[] { 0L, 1L, 2L }, [3]);
        foreach (var condition in ConditionParser.ParseList("clean,brightness=1.2,blur=0.5,noise=0.3,fgsm=0.1,pgd5=0.1,deformed", trialSeed: 4))
        {
            using var first = condition.Apply(model, images, labels);
            using var again = condition.Apply(model, images, labels);
            Assert.Equal(images.shape, first.shape);
            var values = first.data<float>().ToArray();
            Assert.True(values.Min() >= 0 && values.Max() <= 1, $"{condition.Name}: values must stay in [0, 1]");
            Assert.True(values.SequenceEqual(again.data<float>().ToArray()), $"{condition.Name}: applying twice must give the same images");
        }
    }

    private static ulong Seed(IEvaluationCondition condition) => condition switch
    {
        NoiseCondition noise => noise.Seed,
        PgdCondition pgd => pgd.Seed,
        _ => throw new InvalidOperationException(condition.Name + " has no seed"),
    };
}
