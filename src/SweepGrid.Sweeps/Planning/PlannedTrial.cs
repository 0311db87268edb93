namespace SweepGrid.Sweeps;

/// <summary>
/// One unit of work of a study. Immutable and safe to share between threads.
/// </summary>
/// <param name="Id">
/// Lower-case hex SHA-256 of <paramref name="Definition"/>. Equal ids mean equal results, across studies,
/// ensemble sizes and resumptions, so a trial with a known id never needs to run twice.
/// </param>
/// <param name="Kind">Training (one model) or ensemble evaluation.</param>
/// <param name="Definition">
/// Canonical JSON (sorted keys, no whitespace, shortest round-trip numbers) of everything that determines
/// the result. Train: <c>dataset</c> (name, fingerprint, train_limit, test_limit, validation, and
/// <c>ood</c> fingerprints when evaluated on other catalog datasets), <c>model</c>, <c>training</c> (seed
/// included), <c>evaluations</c>, <c>science_version</c>. Ensemble: sorted member ids, evaluations,
/// science version.
/// </param>
/// <param name="Axes">
/// This trial's value on each axis, for reports, keyed by path (<c>model.temperature</c>, <c>seed</c>,
/// <c>ensemble.size</c>, and the paths an ensemble member overrides).
/// </param>
/// <param name="DependsOn">Ids of trials that must complete first: an ensemble's members, in member order; empty for trainings.</param>
/// <param name="WeightsKey">
/// Train only: hex SHA-256 of the training part of the definition (dataset without test limit, model,
/// training, science version), the key of the trained-weights artifact. Adding or changing evaluation
/// conditions keeps it, so weights are reused; changing anything about training changes it. Null for ensembles.
/// </param>
/// <param name="Settings">Train only: the typed configuration; null for ensembles (use their members' settings).</param>
/// <param name="Evaluations">
/// Canonical evaluation entries (docs/science.md §4): <c>clean</c> first, then ordinal order, no
/// duplicates, e.g. <c>clean</c>, <c>blur=0.5</c>, <c>fgsm=0.1</c>, <c>ood=noise</c>, <c>ts</c>.
/// </param>
public sealed record PlannedTrial(
    string Id,
    TrialKind Kind,
    string Definition,
    IReadOnlyDictionary<string, AxisValue> Axes,
    IReadOnlyList<string> DependsOn,
    string? WeightsKey,
    TrialSettings? Settings,
    IReadOnlyList<string> Evaluations);
