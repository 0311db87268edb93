using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Spec;
using SweepGrid.Sweeps.Values;

namespace SweepGrid.Sweeps.Planning;

/// <summary>
/// Rules that involve more than one setting, checked on every grid point because axes and profiles
/// can combine values that are fine one by one. Errors point at the value that was written.
/// </summary>
internal static class TrialChecks
{
    public static void Check(TrialPoint point, IReadOnlyList<EvaluationItem> evaluations, SpecNodeRef fallback, ErrorSink errors)
    {
        if (point.Flag("training.optimizer.nesterov")
            && (point.Text("training.optimizer.kind") != "sgd" || point.Number("training.optimizer.momentum") <= 0))
        {
            Report(point, "training.optimizer.nesterov", fallback, errors,
                $"nesterov needs the sgd optimizer with momentum > 0 (this trial has {point.Text("training.optimizer.kind")}, momentum {point.Text("training.optimizer.momentum")})");
        }
        if (point.Origin("training.adversarial.weight") is not null
            && point.Value("training.adversarial.stages") is StagesValue { Stages.Count: > 0 })
        {
            Report(point, "training.adversarial.stages", fallback, errors,
                "give either training.adversarial.weight or training.adversarial.stages, not both");
        }
        var validation = point.Integer("dataset.validation");
        var batchSize = point.Integer("training.batch_size");
        if (validation > 0 && CostModel.TrainingPool - validation < batchSize)
        {
            // Training draws from what the split leaves; less than one batch means no training at all.
            Report(point, "dataset.validation", fallback, errors,
                $"holding out {validation} of the {CostModel.TrainingPool} training images leaves {CostModel.TrainingPool - validation}, "
                + $"fewer than one batch (training.batch_size {batchSize}); use at most {CostModel.TrainingPool - batchSize}");
        }
        var committeeKind = point.Text("training.committee.kind");
        if (point.Integer("training.committee.member") > 1 && committeeKind == "adversarial"
            && evaluations.Any(e => e.Entry.StartsWith("epochs:", StringComparison.Ordinal)))
        {
            Report(point, "training.committee.member", fallback, errors,
                "per-epoch entries (epochs:) are not available for adversarial committee members after the first");
        }
        if (point.Text("training.outlier_exposure.dataset") != "none" && committeeKind == "adversarial" && point.Integer("training.committee.member") > 1)
        {
            Report(point, "training.outlier_exposure.dataset", fallback, errors,
                "outlier exposure is not available for adversarial committee members after the first");
        }
        foreach (var item in evaluations)
        {
            var entry = item.Entry.StartsWith("epochs:", StringComparison.Ordinal) ? item.Entry[7..] : item.Entry;
            if (entry == "ts" && point.Integer("dataset.validation") <= 0)
            {
                errors.Add(item.Origin, item.OriginPath, "temperature scaling (ts) needs dataset.validation > 0 (images held out to fit T)");
            }
            if (entry == "regimes" && point.Text("model.kind") != "mlp")
            {
                errors.Add(item.Origin, item.OriginPath, $"'regimes' needs model.kind mlp; a trial has model.kind {point.Text("model.kind")}");
            }
        }
    }

    private static void Report(TrialPoint point, string path, SpecNodeRef fallback, ErrorSink errors, string message)
    {
        if (point.Origin(path) is { } origin)
        {
            errors.Add(origin.Origin, origin.OriginPath, message);
        }
        else
        {
            errors.Add(fallback.Node, fallback.Path, message);
        }
    }
}

/// <summary>A node and its field path, where an error goes when no better position is known.</summary>
internal sealed record SpecNodeRef(Yaml.SpecNode Node, string Path);
