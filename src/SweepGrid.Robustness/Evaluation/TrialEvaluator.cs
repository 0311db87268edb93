using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Metrics;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// Evaluates one trained model on every entry of an <see cref="EvaluationPlan"/> and returns the metrics
/// in long format. The model is left in eval mode.
/// </summary>
internal sealed class TrialEvaluator(Module model, ModelSpec spec, TestSet test, TrialEnvironment environment, ulong seed, StageFactory stages)
{
    private const int BatchSize = 1000;

    /// <summary>Accuracy under attack over the inputs the model classifies correctly when clean.</summary>
    public const string RobustAccuracyOfCleanCorrect = "accuracy_clean_correct";
    private readonly List<MetricValue> metrics = [];
    private string resultPrefix = "";

    /// <param name="plan">What to evaluate.</param>
    /// <param name="validation">The validation split, for temperature scaling.</param>
    /// <param name="cancellation">Checked between entries.</param>
    /// <param name="resultPrefix">Put before every condition name: "epoch3:" for the evaluation after epoch 3.</param>
    public IReadOnlyList<MetricValue> Evaluate(EvaluationPlan plan, IBatchSource? validation, CancellationToken cancellation, string resultPrefix = "")
    {
        this.resultPrefix = resultPrefix;
        model.eval();
        var clean = LogitMatrixOf(model, test.Images);
        var cleanPredictions = clean.Predictions();
        foreach (var planned in plan.Conditions)
        {
            cancellation.ThrowIfCancellationRequested();
            EvaluateCondition(planned, clean, cleanPredictions, plan.Calibration);
        }
        if (plan.TemperatureScaling)
        {
            var (logits, labels, _) = Predictions.Logits(model, validation ?? throw new InvalidOperationException("temperature scaling needs a validation split"), environment.Device);
            var fit = TemperatureScaling.Fit(new LogitMatrix(logits, clean.Classes), labels.Select(l => (int)l).ToArray());
            Add("clean", TemperatureScaling.Report(clean, test.LabelArray, fit.Temperature).ToMetrics());
        }
        foreach (var set in plan.OutOfDistribution)
        {
            cancellation.ThrowIfCancellationRequested();
            EvaluateOutOfDistribution(set, clean);
        }
        if (plan.Regimes)
        {
            EvaluateRegimes();
        }
        if (plan.Gradients)
        {
            var magnitudes = InputGradientMagnitude.PerSample(model, test.Images, test.Labels).Select(g => (double)g).ToArray();
            var confidence = OodScores.TrueClassProbability(clean, test.LabelArray);
            Add("clean", InputGradientStatistics.Summarize(magnitudes, test.LabelArray, confidence, clean.Classes).ToMetrics());
        }
        if (plan.PixelAttackMax > 0)
        {
            foreach (var result in PixelAttack.Run(model, test.Images, test.Labels, Enumerable.Range(1, plan.PixelAttackMax), clean.Classes))
            {
                var condition = $"pixel={result.PixelCount}";
                Add(condition, "success_rate", result.SuccessRate);
                for (var c = 0; c < result.SuccessRatePerClass.Count; c++)
                {
                    Add(condition, $"success_rate_class_{c}", result.SuccessRatePerClass[c]);
                }
            }
        }
        return metrics;
    }

    private void EvaluateCondition(PlannedCondition planned, LogitMatrix clean, int[] cleanPredictions, bool calibration)
    {
        var condition = planned.Condition;
        var cleanAccuracy = ClassificationMetrics.Accuracy(cleanPredictions, test.LabelArray);
        var name = planned.Name;
        (Module? filter, IDisposable? owned) = planned.Stage is { } stage ? stages.Create(stage, name) : (null, null);
        using var ownedScope = owned;
        // Not disposed: it owns the trial's model (and a shared autoencoder) as children; what this entry
        // owns of the stage is disposed above.
        var evaluated = filter is null ? model : new PreprocessedModel(filter, model);
        // White box: the attack differentiates stage and classifier together. Gray box: it sees the bare
        // classifier, and its adversarials go through the stage only when evaluated (seed 004's protocol).
        var attacked = planned.Stage?.Threat == ThreatModel.GrayBox ? model : evaluated;
        // The plain clean condition is the forward pass already made; only other conditions need images.
        var isClean = condition is CleanCondition && filter is null;
        using var images = isClean ? null : condition.Apply(attacked, test.Images, test.Labels);
        var logits = images is null ? clean : LogitMatrixOf(evaluated, images);
        var predictions = images is null ? cleanPredictions : logits.Predictions();
        var accuracy = ClassificationMetrics.Accuracy(predictions, test.LabelArray);
        Add(name, MetricName.Accuracy, accuracy);
        Add(name, MetricName.Error, 1 - accuracy);
        Add(name, MetricName.DeltaAccuracy, ClassificationMetrics.DeltaAccuracy(accuracy, cleanAccuracy));
        var perClass = ClassificationMetrics.PerClassAccuracy(predictions, test.LabelArray, logits.Classes);
        for (var c = 0; c < perClass.Length; c++)
        {
            Add(name, MetricName.AccuracyOfClass(c), perClass[c]);
        }
        if (images is null)
        {
            Add(name, MetricName.Distortion, 0);
        }
        else
        {
            using var noGrad = torch.no_grad();
            using var difference = (images - test.Images).abs();
            using var mean = difference.mean();
            Add(name, MetricName.Distortion, mean.item<float>());
        }
        if (calibration)
        {
            // Per condition, so covariate-shift studies (seed 002) get calibration under each shift.
            Add(name, CalibrationMetrics.Summarize(logits, test.LabelArray).ToMetrics());
        }
        if (condition is FgsmCondition or PgdCondition)
        {
            // Robust accuracy over all inputs is "accuracy"; this is the variant over clean-correct inputs only.
            var cleanCorrect = Enumerable.Range(0, predictions.Length).Where(i => cleanPredictions[i] == test.LabelArray[i]).ToArray();
            if (cleanCorrect.Length > 0)
            {
                Add(name, RobustAccuracyOfCleanCorrect, cleanCorrect.Count(i => predictions[i] == test.LabelArray[i]) / (double)cleanCorrect.Length);
            }
            if (perClass.All(double.IsFinite))
            {
                Add(name, MetricName.ClassRobustness, ClassificationMetrics.ClassRobustness(predictions, test.LabelArray, logits.Classes));
            }
            if (condition is FgsmCondition)
            {
                // FGSM moves an input only where its loss gradient is non-zero (definitions.md: report masking).
                var magnitudes = InputGradientMagnitude.PerSample(attacked, test.Images, test.Labels);
                Add(name, MetricName.ZeroGradientFraction, magnitudes.Count(g => g == 0) / (double)magnitudes.Length);
            }
        }
    }

    private void EvaluateOutOfDistribution(OodEntry entry, LogitMatrix clean)
    {
        var set = entry.Set;
        // Seeded by the set alone, so ODIN variants of one set score the same synthetic images.
        using var generator = new Generator(ConditionSeed.Derive(seed, "ood=" + set));
        using var images = set switch
        {
            "noise" => OutOfDistributionImages.Uniform(test.Count, generator, device: environment.Device),
            "gaussian" => OutOfDistributionImages.Gaussian(test.Count, generator, device: environment.Device),
            _ => TestSet.ImagesOf(set, environment.DataDirectory, test.Count, environment.Device),
        };
        var condition = entry.Name;
        var outside = LogitMatrixOf(model, images);
        Add(condition, OodDetection.Evaluate(clean, outside));
        var inside = Odin.Scores(model, test.Images, entry.Temperature, entry.Epsilon).Select(s => -(double)s).ToArray();
        var odinOutside = Odin.Scores(model, images, entry.Temperature, entry.Epsilon).Select(s => -(double)s).ToArray();
        Add(condition, MetricName.AurocOdin, OodDetection.Auroc(inside, odinOutside));
        Add(condition, MetricName.Fpr95Odin, OodDetection.FalsePositiveRateAtRecall(inside, odinOutside));
    }

    private void EvaluateRegimes()
    {
        if (model is not MlpT mlp)
        {
            throw new InvalidOperationException("\"regimes\" applies to MLP-T only");
        }
        var net = new List<float>();
        using (torch.no_grad())
        {
            foreach (var (start, length) in MiniBatches.Ranges(test.Count, BatchSize))
            {
                using var scope = torch.NewDisposeScope();
                net.AddRange(mlp.HiddenNetInput(test.Images.narrow(0, start, length)).to(torch.CPU).data<float>().ToArray());
            }
        }
        Add("clean", ActivationRegimes.Fractions(net.ToArray(), spec.Temperature).ToMetrics());
    }

    private static LogitMatrix LogitMatrixOf(Module module, Tensor images)
    {
        using var logits = LogitsOf(module, images);
        return LogitMatrix.FromTensor(logits);
    }

    /// <summary>Logits [N, K] in eval mode without autograd, batch by batch (caller owns the result).</summary>
    private static Tensor LogitsOf(Module module, Tensor images)
    {
        using var noGrad = torch.no_grad();
        var parts = new List<Tensor>();
        try
        {
            foreach (var (start, length) in MiniBatches.Ranges(images.shape[0], BatchSize))
            {
                using var batch = images.narrow(0, start, length);
                parts.Add(module.forward(batch).DetachFromDisposeScope());
            }
            return torch.cat(parts, 0);
        }
        finally
        {
            parts.ForEach(p => p.Dispose());
        }
    }

    /// <summary>Records a value once: "ece" and "ts" both report the unscaled calibration of the clean test set.</summary>
    private void Add(string condition, string metric, double value)
    {
        condition = resultPrefix + condition;
        if (!metrics.Any(m => m.Condition == condition && m.Metric == metric))
        {
            metrics.Add(new MetricValue(condition, metric, value));
        }
    }

    private void Add(string condition, IReadOnlyDictionary<string, double> values)
    {
        foreach (var (metric, value) in values)
        {
            Add(condition, metric, value);
        }
    }
}
