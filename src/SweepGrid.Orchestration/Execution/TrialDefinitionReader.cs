using System.Text.Json;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Orchestration.Execution;

/// <summary>
/// Reads the canonical definition JSON that the planner writes (docs/spec-reference.md, "Identity") into
/// the science's <see cref="TrialDefinition"/>. The JSON is what a trial's id hashes, so the node runs
/// exactly what was identified.
/// </summary>
public static class TrialDefinitionReader
{
    /// <summary>"train" or "ensemble".</summary>
    public static string Kind(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("kind").GetString() ?? throw new FormatException("trial definition has no kind");
    }

    /// <summary>A training trial's definition.</summary>
    /// <exception cref="FormatException">The JSON lacks a field or has a value the science does not accept.</exception>
    public static TrialDefinition ReadTraining(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        try
        {
            var dataset = root.GetProperty("dataset");
            var model = ReadModel(root.GetProperty("model"));
            var training = root.GetProperty("training");
            var optimizer = training.GetProperty("optimizer");
            var schedule = training.GetProperty("schedule");
            var augmentation = training.GetProperty("augmentation");
            return new TrialDefinition
            {
                Dataset = dataset.GetProperty("name").GetString()!,
                TrainLimit = dataset.GetProperty("train_limit").GetInt64(),
                TestLimit = dataset.GetProperty("test_limit").GetInt64(),
                ValidationCount = dataset.GetProperty("validation").GetInt64(),
                Model = model,
                Training = new TrainingConfig
                {
                    Epochs = checked((int)training.GetProperty("epochs").GetInt64()),
                    BatchSize = checked((int)training.GetProperty("batch_size").GetInt64()),
                    Seed = (ulong)training.GetProperty("seed").GetInt64(),
                    Optimizer = new OptimizerSettings(
                        Enum.Parse<OptimizerKind>(optimizer.GetProperty("kind").GetString()!, ignoreCase: true),
                        optimizer.GetProperty("lr").GetDouble(),
                        optimizer.GetProperty("momentum").GetDouble(),
                        optimizer.GetProperty("nesterov").GetBoolean(),
                        optimizer.GetProperty("weight_decay").GetDouble()),
                    Schedule = ScheduleDefaults.For(model, ScheduleDefaults.ParseKind(schedule.GetProperty("kind").GetString()!),
                        checked((int)schedule.GetProperty("step_size").GetInt64()), OptionalDouble(schedule, "gamma")),
                    MixUpAlpha = training.GetProperty("mixup").GetDouble(),
                    Augmentation = new AugmentationSettings(
                        augmentation.GetProperty("rotation").GetDouble(),
                        augmentation.GetProperty("translation").GetDouble(),
                        augmentation.GetProperty("flip").GetBoolean(),
                        augmentation.GetProperty("noise").GetDouble()),
                    Adversarial = ReadAdversarial(training.GetProperty("adversarial")),
                    OutlierExposure = ReadOutlierExposure(training),
                    Committee = ReadCommittee(training),
                },
                Evaluations = root.GetProperty("evaluations").EnumerateArray().Select(e => e.GetString()!).ToArray(),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"trial definition is not one this version can run: {e.Message}", e);
        }
    }

    /// <summary>An ensemble trial's member ids and evaluation list.</summary>
    public static (IReadOnlyList<string> Members, IReadOnlyList<string> Evaluations) ReadEnsemble(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (root.GetProperty("members").EnumerateArray().Select(e => e.GetString()!).ToArray(),
            root.GetProperty("evaluations").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    private static ModelSpec ReadModel(JsonElement model) => new()
    {
        Kind = ModelSpec.ParseKind(model.GetProperty("kind").GetString()!),
        Temperature = model.GetProperty("temperature").GetDouble(),
        HiddenUnits = checked((int)model.GetProperty("hidden_units").GetInt64()),
        Dropout = DropoutLayout.Parse(model.GetProperty("dropout").GetString()!),
        Activation = Enum.Parse<Activation>(model.GetProperty("activation").GetString()!, ignoreCase: true),
        Ablation = AblationSwitches.Parse(model.GetProperty("ablation").GetString()!),
    };

    private static AdversarialTrainingSettings? ReadAdversarial(JsonElement adversarial)
    {
        var epsilon = adversarial.GetProperty("epsilon").GetDouble();
        if (epsilon == 0)
        {
            return null;
        }
        var stages = adversarial.TryGetProperty("stages", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => new AdversarialStage(checked((int)s.GetProperty("epochs").GetInt64()), s.GetProperty("weight").GetDouble())).ToList()
            : [];
        return stages.Count > 0
            ? new AdversarialTrainingSettings(epsilon, stages)
            : AdversarialTrainingSettings.Constant(epsilon, adversarial.GetProperty("weight").GetDouble());
    }

    // Outlier exposure and committees entered with science version 2; older definitions lack them.
    private static OutlierExposureSettings? ReadOutlierExposure(JsonElement training) =>
        training.TryGetProperty("outlier_exposure", out var exposure) && exposure.GetProperty("dataset").GetString() is { } set && set != "none"
            ? new OutlierExposureSettings(set, exposure.GetProperty("weight").GetDouble())
            : null;

    private static CommitteeMembership ReadCommittee(JsonElement training) =>
        training.TryGetProperty("committee", out var committee)
            ? new CommitteeMembership(
                Enum.Parse<CommitteeKind>(committee.GetProperty("kind").GetString()!, ignoreCase: true),
                checked((int)committee.GetProperty("member").GetInt64()),
                new CommitteeSettings(
                    IterationsPerSnapshot: checked((int)committee.GetProperty("iterations").GetInt64()),
                    Epsilon: committee.GetProperty("epsilon").GetDouble(),
                    GradientScale: committee.GetProperty("gradient_scale").GetDouble()))
            : CommitteeMembership.None;

    private static double? OptionalDouble(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

}
