using System.Diagnostics;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;
using SweepGrid.Robustness.Weights;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// The one entry point the orchestrator calls per trial: load the data (shared per process), train,
/// evaluate every entry, and return metrics, curve, timings and weights — or evaluate stored weights
/// under new conditions without retraining. Training outcomes (diverged, cancelled) are results;
/// invalid definitions throw before any work starts.
/// </summary>
public static class TrialRunner
{
    /// <exception cref="ArgumentException">The definition is invalid (the message names the field).</exception>
    /// <exception cref="Conditions.InvalidConditionException">An evaluation entry is unknown or out of range.</exception>
    /// <exception cref="DatasetException">Dataset files are missing or corrupt.</exception>
    public static TrialResult Run(TrialDefinition trial, TrialEnvironment environment, Action<EpochStats>? onEpoch = null,
        CancellationToken cancellation = default)
    {
        var (plan, data, loadSeconds) = Prepare(trial, environment);
        using var _ = data;

        var committee = trial.Training.Committee;
        // A standard committee's member k > 1 is a natural model of its own seed; the trial's seed still
        // seeds the evaluation conditions, so all members meet the same noise and attacks' random starts.
        var training = trial.Training with { Seed = committee.SeedFor(trial.Training.Seed) };
        using var generator = new Generator(training.Seed, environment.Device);
        var adversarialMember = committee.Kind == CommitteeKind.Adversarial && !committee.IsPlainTraining;
        if (adversarialMember && plan.PerEpoch is not null)
        {
            throw new ArgumentException("per-epoch evaluation (\"epochs:\") is not available for adversarial committee members after the first");
        }
        // The committee draws its natural model's initial weights first, exactly as a plain training does;
        // the member's snapshot is then loaded into a model built afterwards.
        (TrainingResult Result, byte[]? Snapshot)? committeeResult = adversarialMember ? TrainAdversarialMember(trial.Model, training, data.Train, environment.Device, generator, cancellation) : null;
        using var model = trial.Model.Create(generator);
        model.to(environment.Device);
        var perEpoch = new List<MetricValue>();
        using var stages = new StageFactory(data.Train, environment.Device, trial.Training.Seed);
        TrainingResult result;
        if (committeeResult is { } member)
        {
            result = member.Result;
            if (member.Snapshot is not null)
            {
                ModelWeights.LoadInto(model, member.Snapshot);
            }
        }
        else
        {
            var trainer = new Trainer(training) { Outliers = data.Outliers };
            if (onEpoch is not null)
            {
                trainer.EpochCompleted += onEpoch;
            }
            if (plan.PerEpoch is { } epochPlan)
            {
                // Evaluation draws from its own seeded generators, never the training's, so it leaves the
                // training trajectory unchanged; the model goes back to train mode for the next epoch.
                trainer.EpochCompleted += stats =>
                {
                    perEpoch.AddRange(new TrialEvaluator(model, trial.Model, data.Test, environment, trial.Training.Seed, stages)
                        .Evaluate(epochPlan, data.Validation, cancellation, $"epoch{stats.Epoch}:"));
                    model.train();
                };
            }
            result = trainer.Train(model, data.Train, environment.Device, generator, cancellation);
        }
        if (result.Status != TrainingStatus.Completed)
        {
            return new TrialResult(result.Status, result.Reason, perEpoch, result.Curve, new TrialTimings(loadSeconds, result.Seconds, 0), null);
        }
        var weights = ModelWeights.Save(model);
        var evaluation = Stopwatch.StartNew();
        var metrics = new TrialEvaluator(model, trial.Model, data.Test, environment, trial.Training.Seed, stages).Evaluate(plan, data.Validation, cancellation);
        return new TrialResult(TrainingStatus.Completed, null, [.. perEpoch, .. metrics], result.Curve,
            new TrialTimings(loadSeconds, result.Seconds, evaluation.Elapsed.TotalSeconds), weights);
    }

    /// <summary>Seed 004's adversarial committee up to this member: the training outcome and the member's snapshot (null unless completed).</summary>
    private static (TrainingResult Result, byte[]? Snapshot) TrainAdversarialMember(ModelSpec spec, TrainingConfig training, IBatchSource data, Device device,
        Generator generator, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var natural = training with { Committee = CommitteeMembership.None };
        var committee = AdversarialCommittee.Train(spec, data, natural, training.Committee.Stages, device, generator, cancellation);
        var result = new TrainingResult(committee.Status, committee.Reason, committee.Natural.Curve, clock.Elapsed.TotalSeconds, committee.Natural.Samples);
        return (result, committee.Status == TrainingStatus.Completed ? committee.Snapshots[^1] : null);
    }

    /// <summary>Evaluates stored weights (from <see cref="TrialResult.Weights"/>) without retraining.</summary>
    /// <remarks>Per-epoch entries need the training itself: a trial with any is trained again (the same seed gives the same weights).</remarks>
    public static TrialResult Evaluate(TrialDefinition trial, byte[] weights, TrialEnvironment environment, CancellationToken cancellation = default)
    {
        if (Validate(trial).PerEpoch is not null)
        {
            return Run(trial, environment, cancellation: cancellation);
        }
        var (plan, data, loadSeconds) = Prepare(trial, environment);
        using var _ = data;
        using var generator = new Generator(trial.Training.Seed, environment.Device);
        using var model = trial.Model.Create(generator);
        ModelWeights.LoadInto(model, weights);
        model.to(environment.Device);
        using var stages = new StageFactory(data.Train, environment.Device, trial.Training.Seed);
        var evaluation = Stopwatch.StartNew();
        var metrics = new TrialEvaluator(model, trial.Model, data.Test, environment, trial.Training.Seed, stages).Evaluate(plan, data.Validation, cancellation);
        return new TrialResult(TrainingStatus.Completed, null, metrics, [], new TrialTimings(loadSeconds, 0, evaluation.Elapsed.TotalSeconds), weights);
    }

    /// <summary>
    /// Evaluates an ensemble of trained members (e.g. M3+M5+M7, or five seeds of one model) as one model
    /// whose prediction is the mean of the members' softmax outputs (attacks target the whole ensemble),
    /// and also reports clean accuracy by majority vote. The trial's model and training describe the
    /// data only (dataset, limits, seed of seeded conditions); members bring their own architectures.
    /// </summary>
    public static TrialResult EvaluateEnsemble(TrialDefinition trial, IReadOnlyList<EnsembleMember> members, TrialEnvironment environment,
        CancellationToken cancellation = default)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("an ensemble needs at least one member");
        }
        var (plan, data, loadSeconds) = Prepare(trial, environment);
        using var _ = data;
        if (plan.PerEpoch is not null)
        {
            throw new ArgumentException("per-epoch evaluation (\"epochs:\") applies to training trials, not to ensembles");
        }
        using var generator = new Generator(trial.Training.Seed, environment.Device);
        var models = new List<Module>();
        try
        {
            foreach (var member in members)
            {
                var model = member.Model.Create(generator);
                models.Add(model);
                ModelWeights.LoadInto(model, member.Weights);
                model.to(environment.Device);
            }
            var evaluation = Stopwatch.StartNew();
            // Not disposed: disposing the ensemble would dispose the members, which the finally block does.
            var ensemble = new Conditions.EnsembleModel(models);
            using var stages = new StageFactory(data.Train, environment.Device, trial.Training.Seed);
            var metrics = new TrialEvaluator(ensemble, trial.Model, data.Test, environment, trial.Training.Seed, stages).Evaluate(plan, data.Validation, cancellation).ToList();
            using (torch.NewDisposeScope())
            {
                var votes = Conditions.Ensemble.PredictByMajorityVote(models, data.Test.Images);
                metrics.Add(new MetricValue("clean", MajorityVoteAccuracy, votes.eq(data.Test.Labels).to(ScalarType.Float64).mean().item<double>()));
            }
            return new TrialResult(TrainingStatus.Completed, null, metrics, [], new TrialTimings(loadSeconds, 0, evaluation.Elapsed.TotalSeconds), null);
        }
        finally
        {
            models.ForEach(m => m.Dispose());
        }
    }

    /// <summary>The metric name of an ensemble's clean accuracy by majority vote (ties to the lowest class).</summary>
    public const string MajorityVoteAccuracy = "accuracy_majority_vote";

    /// <summary>Checks the definition, sets this thread's libtorch threads and denormal flushing, and loads the trial's data.</summary>
    private static (EvaluationPlan Plan, TrialData Data, double LoadSeconds) Prepare(TrialDefinition trial, TrialEnvironment environment)
    {
        var plan = Validate(trial);
        TorchRuntime.SetThreads(environment.Threads);
        TorchRuntime.FlushDenormalsOnThisThread();
        var clock = Stopwatch.StartNew();
        var data = TrialData.Load(trial, environment, plan);
        return (plan, data, clock.Elapsed.TotalSeconds);
    }

    private static EvaluationPlan Validate(TrialDefinition trial)
    {
        trial.Training.Validate();
        if (trial.ValidationCount < 0 || trial.TrainLimit < 0 || trial.TestLimit < 0)
        {
            throw new ArgumentException("validation count, train limit and test limit must be >= 0");
        }
        var plan = EvaluationPlan.Parse(trial.Evaluations, trial.Training.Seed);
        if (plan.TemperatureScaling && trial.ValidationCount == 0)
        {
            throw new ArgumentException("evaluation \"ts\" (temperature scaling) needs a validation split: set a validation count > 0");
        }
        if (plan.PerEpoch?.TemperatureScaling == true && trial.ValidationCount == 0)
        {
            throw new ArgumentException("evaluation \"epochs:ts\" (temperature scaling) needs a validation split: set a validation count > 0");
        }
        if ((plan.Regimes || plan.PerEpoch?.Regimes == true) && trial.Model.Kind != ModelKind.Mlp)
        {
            throw new ArgumentException($"evaluation \"regimes\" applies to MLP-T only, not {trial.Model.Kind.ToString().ToLowerInvariant()}");
        }
        return plan;
    }

    /// <summary>The trial's view of its dataset: training subset, optional validation split, test set.</summary>
    private sealed class TrialData : IDisposable
    {
        private readonly List<IDisposable> owned = [];

        private TrialData()
        {
        }

        public IBatchSource Train { get; private set; } = null!;
        public IBatchSource? Validation { get; private set; }
        public IBatchSource? Outliers { get; private set; }
        public TestSet Test { get; private set; } = null!;

        public static TrialData Load(TrialDefinition trial, TrialEnvironment environment, EvaluationPlan plan)
        {
            var data = new TrialData();
            try
            {
                var train = DatasetCache.Open(trial.Dataset, DataSplit.Train, environment.DataDirectory);
                var test = DatasetCache.Open(trial.Dataset, DataSplit.Test, environment.DataDirectory);
                var all = data.Own(train.All());
                var pool = all;
                if (trial.ValidationCount > 0)
                {
                    var split = data.Own(all.Split(trial.ValidationCount, trial.ValidationSeed));
                    pool = split.Train;
                    data.Validation = split.Validation;
                }
                data.Train = trial.TrainLimit > 0 && trial.TrainLimit < pool.Count ? data.Own(pool.Limit(trial.TrainLimit, trial.Training.Seed)) : pool;
                using var testAll = test.All();
                data.Test = data.Own(TestSet.From(testAll, trial.TestLimit, environment.Device));
                // Out-of-distribution datasets load now, so a missing file fails before training, not after.
                foreach (var entry in plan.OutOfDistribution.Concat(plan.PerEpoch?.OutOfDistribution ?? []).Where(o => o.IsDataset))
                {
                    DatasetCache.Open(entry.Set, DataSplit.Test, environment.DataDirectory);
                }
                if (trial.Training.OutlierExposure is { } exposure)
                {
                    // Outliers come from the outlier set's training split; the OOD evaluation uses test splits.
                    data.Outliers = data.Own(DatasetCache.Open(exposure.Dataset, DataSplit.Train, environment.DataDirectory).All());
                }
                return data;
            }
            catch
            {
                data.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            foreach (var item in Enumerable.Reverse(owned))
            {
                item.Dispose();
            }
        }

        private T Own<T>(T item) where T : IDisposable
        {
            owned.Add(item);
            return item;
        }
    }
}
