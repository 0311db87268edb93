using System.Globalization;
using System.Numerics;
using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Planning;
using SweepGrid.Sweeps.Spec;

namespace SweepGrid.Sweeps;

/// <summary>
/// Expands a <see cref="SweepSpec"/> into a <see cref="StudyPlan"/>: the cartesian product of the
/// training-time axes (zipped axes move together) times the seeds gives the trainings; ensembles add
/// evaluation trials over those trainings. Pure and deterministic: the same spec, profile, fingerprint
/// and science version always give the same trials with the same ids, in the same order.
/// Thread-safe (no shared state).
/// </summary>
public static class StudyPlanner
{
    /// <summary>
    /// Expands <paramref name="spec"/> with one fingerprint string for every dataset (e.g. a checksum of
    /// the whole data catalog the node uses).
    /// </summary>
    /// <inheritdoc cref="Expand(SweepSpec, string?, Func{string, string}, string, PlannerOptions?)"/>
    public static StudyPlan Expand(SweepSpec spec, string? profile, string datasetFingerprint, string scienceVersion, PlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(datasetFingerprint);
        return Expand(spec, profile, _ => datasetFingerprint, scienceVersion, options);
    }

    /// <summary>Expands <paramref name="spec"/> into its trials.</summary>
    /// <param name="spec">A spec from <see cref="SweepSpec.Load"/> or <see cref="SweepSpec.Parse"/>.</param>
    /// <param name="profile">A profile name from the spec's <c>profiles</c>, or null for none.</param>
    /// <param name="datasetFingerprint">
    /// Maps a catalog dataset name (mnist, fashion-mnist, kmnist) to a string identifying its files
    /// (e.g. their SHA-256); it becomes part of every trial's identity, so new data means new trials.
    /// </param>
    /// <param name="scienceVersion">Version of the training and evaluation code; part of every identity.</param>
    /// <param name="options">Limits and cost rates; defaults when null.</param>
    /// <exception cref="SpecException">
    /// Unknown profile, a grid larger than <see cref="PlannerOptions.MaxTrainings"/>, ensembles larger than
    /// the seeds or members available, or settings that do not go together on some grid point (all listed).
    /// </exception>
    public static StudyPlan Expand(SweepSpec spec, string? profile, Func<string, string> datasetFingerprint, string scienceVersion, PlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(datasetFingerprint);
        ArgumentNullException.ThrowIfNull(scienceVersion);
        options ??= new PlannerOptions();
        var errors = new ErrorSink(spec.FileName);
        var chosen = ChooseProfile(spec, profile, errors);
        var overrides = chosen?.Overrides ?? [];
        var fixedPaths = overrides.Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        // A profile's narrower axis replaces the spec's axis of the same paths; a profile's evaluation list replaces the spec's.
        var axes = spec.Axes
            .Select(a => chosen?.Axes.FirstOrDefault(p => p.Paths.SequenceEqual(a.Paths)) ?? a)
            .Select(a => a.Without(fixedPaths)).OfType<SpecAxis>().ToList();
        var evaluationItems = chosen?.Evaluations ?? spec.Evaluations;
        var seeds = chosen?.Seeds ?? spec.Seeds;
        var ensembles = spec.Ensembles;
        CheckSize(spec, axes, seeds.Count, ensembles, options, errors);
        CheckEnsembleSizes(ensembles, seeds.Count, chosen, errors);
        errors.ThrowIfAny();

        var evaluations = EvaluationList.Canonical(evaluationItems, errors);
        // An ensemble has no epochs of its own: the study's per-epoch entries stay with its members.
        var ensembleItems = ensembles?.Evaluations
            ?? evaluationItems.Where(e => !e.Entry.StartsWith("epochs:", StringComparison.Ordinal)).ToList();
        var ensembleEvaluations = EvaluationList.Canonical(ensembleItems, errors);
        var identity = new TrialIdentity(datasetFingerprint, scienceVersion);
        var fallback = new SpecNodeRef(spec.Root, "");
        var trials = new Dictionary<string, PlannedTrial>(StringComparer.Ordinal);
        var ensembleTrials = new Dictionary<string, PlannedTrial>(StringComparer.Ordinal);
        var basePoint = TrialPoint.Create(spec.BaseSettings.Values.Concat(overrides));

        PlannedTrial Train(TrialPoint point)
        {
            TrialChecks.Check(point, evaluationItems, fallback, errors);
            var definition = identity.TrainDefinition(point, evaluations);
            var id = CanonicalJson.Hash(definition);
            if (!trials.TryGetValue(id, out var trial))
            {
                var weightsKey = CanonicalJson.Hash(identity.WeightsDefinition(point));
                trial = new PlannedTrial(id, TrialKind.Train, definition, Axes(point.Axes), [], weightsKey, point.ToSettings(), evaluations);
                trials[id] = trial;
            }
            return trial;
        }

        void Ensemble(IReadOnlyList<PlannedTrial> members, List<KeyValuePair<string, AxisValue>> axes)
        {
            var definition = identity.EnsembleDefinition(members.Select(m => m.Id), ensembleEvaluations);
            var id = CanonicalJson.Hash(definition);
            var size = members.Count.ToString(CultureInfo.InvariantCulture);
            ensembleTrials.TryAdd(id, new PlannedTrial(id, TrialKind.Ensemble, definition,
                Axes([.. axes, new("ensemble.size", new AxisValue(size, members.Count))]), [.. members.Select(m => m.Id)], null, null, ensembleEvaluations));
        }

        foreach (var combination in Product(axes))
        {
            var point = basePoint.With(combination, reportAsAxes: true);
            var bySeed = seeds.Select(seed => Train(point.WithSeed(seed))).ToList();
            if (ensembles is null)
            {
                continue;
            }
            if (ensembles.Members.Count == 0)
            {
                foreach (var (size, _, _) in ensembles.Sizes)
                {
                    Ensemble(bySeed.Take(size).ToList(), point.Axes);
                }
                continue;
            }
            foreach (var seed in seeds)
            {
                var members = ensembles.Members.Select(m => Train(point.With(m, reportAsAxes: true).WithSeed(seed))).ToList();
                foreach (var (size, _, _) in ensembles.Sizes)
                {
                    Ensemble(members.Take(size).ToList(), point.WithSeed(seed).Axes);
                }
            }
        }
        errors.ThrowIfAny();

        var all = trials.Values.Concat(ensembleTrials.Values).ToList();
        var axisNames = axes.SelectMany(a => a.Paths)
            .Append("seed")
            .Concat(ensembles?.Members.SelectMany(m => m.Select(a => a.Path)) ?? [])
            .Concat(ensembles is null ? [] : ["ensemble.size"])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var summary = Summarize(spec, chosen?.Name, axes, seeds.Count, ensembles, evaluations, trials.Values, ensembleTrials.Values, trials, options);
        return new StudyPlan(spec.StudyName, spec.Description, chosen?.Name, all, axisNames, summary);
    }

    private static ProfileSpec? ChooseProfile(SweepSpec spec, string? profile, ErrorSink errors)
    {
        if (profile is null)
        {
            return null;
        }
        if (spec.Profiles.TryGetValue(profile, out var chosen))
        {
            return chosen;
        }
        var hint = spec.Profiles.Count == 0 ? " (the spec has no profiles)" : Suggestions.Hint(profile, [.. spec.ProfileNames]);
        errors.Add(spec.ProfilesOrigin ?? spec.Root, "profiles", $"unknown profile '{profile}'{hint}");
        return null;
    }

    private static void CheckSize(SweepSpec spec, List<SpecAxis> axes, int seeds, EnsembleSpec? ensembles, PlannerOptions options, ErrorSink errors)
    {
        var points = axes.Aggregate(BigInteger.One, (product, axis) => product * axis.Points.Count);
        var trainings = points * seeds * (1 + (ensembles?.Members.Count ?? 0));
        if (trainings > options.MaxTrainings)
        {
            errors.Add(spec.AxesOrigin ?? spec.Root, spec.AxesOrigin is null ? "" : "axes",
                $"the spec expands to {trainings.ToString("N0", CultureInfo.InvariantCulture)} trainings; "
                + $"the limit is {options.MaxTrainings.ToString("N0", CultureInfo.InvariantCulture)}");
        }
    }

    private static void CheckEnsembleSizes(EnsembleSpec? ensembles, int seeds, ProfileSpec? profile, ErrorSink errors)
    {
        foreach (var (size, origin, path) in ensembles?.Sizes ?? [])
        {
            if (ensembles!.Members.Count == 0 && size > seeds)
            {
                var from = profile?.Seeds is null ? "the spec has" : $"profile '{profile.Name}' gives";
                errors.Add(origin, path, $"an ensemble of {size} members differing by seed needs at least {size} seeds; {from} {seeds}");
            }
            else if (ensembles.Members.Count > 0 && size > ensembles.Members.Count)
            {
                errors.Add(origin, path, $"an ensemble of {size} needs at least {size} members; ensembles.members has {ensembles.Members.Count}");
            }
        }
    }

    /// <summary>The points of the cartesian product of the axes, first axis outermost.</summary>
    private static IEnumerable<IReadOnlyList<Assignment>> Product(List<SpecAxis> axes)
    {
        var index = new int[axes.Count];
        while (true)
        {
            yield return [.. axes.SelectMany((axis, a) => axis.Points[index[a]])];
            var position = axes.Count - 1;
            while (position >= 0 && ++index[position] == axes[position].Points.Count)
            {
                index[position] = 0;
                position--;
            }
            if (position < 0)
            {
                yield break;
            }
        }
    }

    private static Dictionary<string, AxisValue> Axes(IEnumerable<KeyValuePair<string, AxisValue>> axes) =>
        axes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    private static PlanSummary Summarize(
        SweepSpec spec,
        string? profile,
        List<SpecAxis> axes,
        int seeds,
        EnsembleSpec? ensembles,
        IReadOnlyList<string> evaluations,
        IEnumerable<PlannedTrial> trainings,
        IEnumerable<PlannedTrial> ensembleTrials,
        Dictionary<string, PlannedTrial> byId,
        PlannerOptions options)
    {
        long sampleEpochs = 0, passes = 0;
        double weighted = 0;
        foreach (var trial in trainings)
        {
            var settings = trial.Settings!;
            var trainImages = CostModel.TrainingImages(settings) * settings.Training.Epochs;
            var testPasses = CostModel.TestImages(settings) * CostModel.Passes(trial.Evaluations);
            sampleEpochs += trainImages;
            passes += testPasses;
            weighted += CostModel.Seconds(trainImages * CostModel.Factor(settings), testPasses * CostModel.Factor(settings), options);
        }
        foreach (var trial in ensembleTrials)
        {
            foreach (var member in trial.DependsOn.Select(id => byId[id].Settings!))
            {
                var testPasses = CostModel.TestImages(member) * CostModel.Passes(trial.Evaluations);
                passes += testPasses;
                weighted += CostModel.Seconds(0, testPasses * CostModel.Factor(member), options);
            }
        }
        var axisLines = axes.Select(a => a.Paths.Count == 1
            ? $"{a.Paths[0]} ({a.Points.Count} values)"
            : $"zip({string.Join(", ", a.Paths)}) ({a.Points.Count} points)").ToList();
        return new PlanSummary(
            spec.StudyName,
            profile,
            byId.Count,
            evaluations.Count,
            ensembleTrials.Count(),
            [.. (ensembles?.Sizes ?? []).Select(s => s.Size).Order()],
            seeds,
            axisLines,
            evaluations,
            sampleEpochs,
            passes,
            weighted);
    }
}
