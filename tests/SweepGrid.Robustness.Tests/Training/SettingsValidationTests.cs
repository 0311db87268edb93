using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>Configuration errors name the field and the allowed range before any training starts.</summary>
public class SettingsValidationTests
{
    public static TheoryData<string, string> InvalidConfigs => new()
    {
        { "epochs=0", "epochs must be >= 1 (got 0)" },
        { "batch=0", "batch size must be >= 1 (got 0)" },
        { "lr=0", "learning rate must be a positive number (got 0)" },
        { "lr=-1", "learning rate must be a positive number (got -1)" },
        { "lr=nan", "learning rate must be a positive number (got NaN)" },
        { "lr=inf", "learning rate must be a positive number (got " },
        { "momentum=-0.1", "momentum and weight decay must be >= 0" },
        { "decay=-1", "momentum and weight decay must be >= 0" },
        { "nesterov-adam", "Nesterov momentum needs the SGD optimizer with momentum > 0" },
        { "nesterov-no-momentum", "Nesterov momentum needs the SGD optimizer with momentum > 0" },
        { "mixup=-1", "MixUp α must be in [0, 100] (got -1)" },
        { "mixup=101", "MixUp α must be in [0, 100] (got 101)" },
        { "mixup=nan", "MixUp α must be in [0, 100] (got NaN)" },
        { "rotation=181", "augmentation rotation must be in [0, 180] degrees (got 181)" },
        { "translation=15", "augmentation translation must be in [0, 14] pixels (got 15)" },
        { "noise=-0.1", "augmentation noise σ must be in [0, 10] (got -0.1)" },
        { "adversarial-epsilon=0", "adversarial-training ε must be in (0, 1] (got 0)" },
        { "adversarial-epsilon=2", "adversarial-training ε must be in (0, 1] (got 2)" },
        { "adversarial-no-stages", "adversarial training needs at least one stage" },
        { "adversarial-weight=1.5", "epochs must be >= 1 and the weight in [0, 1]" },
        { "adversarial-stage-epochs=0", "epochs must be >= 1 and the weight in [0, 1]" },
    };

    private static TrainingConfig Config(string name)
    {
        var valid = new TrainingConfig();
        var sgd = new OptimizerSettings(OptimizerKind.Sgd, 0.01, Momentum: 0.9);
        return name switch
        {
            "epochs=0" => valid with { Epochs = 0 },
            "batch=0" => valid with { BatchSize = 0 },
            "lr=0" => valid with { Optimizer = new OptimizerSettings(LearningRate: 0) },
            "lr=-1" => valid with { Optimizer = new OptimizerSettings(LearningRate: -1) },
            "lr=nan" => valid with { Optimizer = new OptimizerSettings(LearningRate: double.NaN) },
            "lr=inf" => valid with { Optimizer = new OptimizerSettings(LearningRate: double.PositiveInfinity) },
            "momentum=-0.1" => valid with { Optimizer = sgd with { Momentum = -0.1 } },
            "decay=-1" => valid with { Optimizer = sgd with { WeightDecay = -1 } },
            "nesterov-adam" => valid with { Optimizer = new OptimizerSettings(OptimizerKind.Adam, Momentum: 0.9, Nesterov: true) },
            "nesterov-no-momentum" => valid with { Optimizer = sgd with { Momentum = 0, Nesterov = true } },
            "mixup=-1" => valid with { MixUpAlpha = -1 },
            "mixup=101" => valid with { MixUpAlpha = 101 },
            "mixup=nan" => valid with { MixUpAlpha = double.NaN },
            "rotation=181" => valid with { Augmentation = new AugmentationSettings(RotationDegrees: 181) },
            "translation=15" => valid with { Augmentation = new AugmentationSettings(TranslationPixels: 15) },
            "noise=-0.1" => valid with { Augmentation = new AugmentationSettings(NoiseSigma: -0.1) },
            "adversarial-epsilon=0" => valid with { Adversarial = AdversarialTrainingSettings.Constant(0) },
            "adversarial-epsilon=2" => valid with { Adversarial = AdversarialTrainingSettings.Seed001(2) },
            "adversarial-no-stages" => valid with { Adversarial = new AdversarialTrainingSettings(0.1, []) },
            "adversarial-weight=1.5" => valid with { Adversarial = AdversarialTrainingSettings.Constant(0.1, 1.5) },
            "adversarial-stage-epochs=0" => valid with { Adversarial = new AdversarialTrainingSettings(0.1, [new AdversarialStage(0, 0.5)]) },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such configuration in this test"),
        };
    }

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void Validate_names_the_field_and_its_allowed_range(string name, string expectedMessage)
    {
        var config = Config(name);

        var error = Assert.Throws<ArgumentException>(config.Validate);

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_and_the_papers_settings_are_valid()
    {
        new TrainingConfig().Validate();
        new TrainingConfig
        {
            Epochs = 8,
            Optimizer = new OptimizerSettings(OptimizerKind.Sgd, 0.01, Momentum: 0.9, Nesterov: true, WeightDecay: 5e-4),
            Schedule = new ScheduleSettings(ScheduleKind.Inverse, Gamma: 1e-4, Power: 0.75),
            MixUpAlpha = 1,
            Augmentation = new AugmentationSettings(15, 2, HorizontalFlip: true, NoiseSigma: 0.1),
            Adversarial = AdversarialTrainingSettings.Seed001(0.3),
        }.Validate();
    }

    [Theory]
    [InlineData(1, 0.1)]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.5)]
    [InlineData(4, 0.5)]
    [InlineData(5, 0.75)]
    [InlineData(6, 0.75)]
    [InlineData(7, 0.75)]
    [InlineData(8, 0.75)]
    [InlineData(100, 0.75)]
    public void Seed001_adversarial_weight_follows_its_stages_and_keeps_the_last(int epoch, double expected)
    {
        Assert.Equal(expected, AdversarialTrainingSettings.Seed001(0.3).WeightAt(epoch));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Constant_adversarial_weight_holds_for_every_epoch(int epoch)
    {
        Assert.Equal(0.5, AdversarialTrainingSettings.Constant(0.1).WeightAt(epoch));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(65, 1)]
    [InlineData(3, 0)]
    public void Committee_settings_refuse_member_and_iteration_counts_out_of_range(int members, int iterations)
    {
        var error = Assert.Throws<ArgumentException>(new CommitteeSettings(members, iterations).Validate);

        Assert.Contains(members is < 1 or > 64 ? "committee members must be in [1, 64]" : "iterations per snapshot must be >= 1", error.Message, StringComparison.Ordinal);
    }
}
