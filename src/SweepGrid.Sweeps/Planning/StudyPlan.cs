namespace SweepGrid.Sweeps;

/// <summary>
/// What a spec expands to: every trial once (identical points share one id and appear once), training
/// trials first in grid order (first axis outermost, seed innermost), then ensemble trials, so that a
/// trial's dependencies always come before it. Immutable.
/// </summary>
/// <param name="StudyName"><c>study.name</c>.</param>
/// <param name="Description"><c>study.description</c>, if any.</param>
/// <param name="Profile">The profile applied, or null.</param>
/// <param name="Trials">All trials, dependencies first.</param>
/// <param name="AxisNames">The keys used in <see cref="PlannedTrial.Axes"/>, in spec order.</param>
/// <param name="Summary">Counts and estimated cost.</param>
public sealed record StudyPlan(
    string StudyName,
    string? Description,
    string? Profile,
    IReadOnlyList<PlannedTrial> Trials,
    IReadOnlyList<string> AxisNames,
    PlanSummary Summary)
{
    /// <summary>The training trials, in grid order.</summary>
    public IEnumerable<PlannedTrial> Trainings => Trials.Where(t => t.Kind == TrialKind.Train);

    /// <summary>The ensemble-evaluation trials.</summary>
    public IEnumerable<PlannedTrial> Ensembles => Trials.Where(t => t.Kind == TrialKind.Ensemble);
}
