using System.Globalization;

namespace SweepGrid.Sweeps;

/// <summary>
/// What a spec expands to, for <c>sweepgrid validate</c> and for confirming a submission: counts, the
/// axes, the evaluation list and a rough cost.
/// </summary>
/// <param name="StudyName"><c>study.name</c>.</param>
/// <param name="Profile">The profile applied, or null.</param>
/// <param name="Trainings">Distinct training trials (models to train).</param>
/// <param name="EvaluationsPerTraining">Canonical evaluation entries per training (clean included).</param>
/// <param name="Ensembles">Ensemble-evaluation trials.</param>
/// <param name="EnsembleSizes">Ensemble sizes, ascending; empty without ensembles.</param>
/// <param name="Seeds">Seeds per grid point.</param>
/// <param name="Axes">One line per training-time axis, e.g. <c>model.temperature: 11 values</c>.</param>
/// <param name="Evaluations">The canonical evaluation entries of the trainings.</param>
/// <param name="TrainingSampleEpochs">Σ over trainings of training images × epochs.</param>
/// <param name="EvaluationImagePasses">Σ over trials of test images × model passes their conditions need (rough: an attack step counts as a pass).</param>
/// <param name="EstimatedSeconds">Rough run time on one slot at <see cref="PlannerOptions.TrainSamplesPerSecond"/>, scaled by model size.</param>
public sealed record PlanSummary(
    string StudyName,
    string? Profile,
    int Trainings,
    int EvaluationsPerTraining,
    int Ensembles,
    IReadOnlyList<int> EnsembleSizes,
    int Seeds,
    IReadOnlyList<string> Axes,
    IReadOnlyList<string> Evaluations,
    long TrainingSampleEpochs,
    long EvaluationImagePasses,
    double EstimatedSeconds)
{
    /// <summary>
    /// Trainings the ensembles do not need: Σ over ensemble trials of their member counts, all served by the
    /// study's own trainings (an ensemble loads its members' stored weights), where a loop per ensemble would
    /// train every member again.
    /// </summary>
    public int EnsembleMemberTrainingsShared { get; init; }

    /// <summary>Human-readable lines (no trailing newlines), e.g. for <c>sweepgrid validate FILE</c>.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            $"study {StudyName}{(Profile is null ? "" : $" (profile {Profile})")}: {Count(Trainings, "training")}, "
                + $"{Count(EvaluationsPerTraining, "evaluation")} per training, {Count(Ensembles, "ensemble")}",
            Axes.Count == 0
                ? $"  axes: none; {Count(Seeds, "seed")}"
                : $"  axes: {string.Join(" x ", Axes)}; {Count(Seeds, "seed")}",
            $"  evaluation: {string.Join(", ", Evaluations)}",
        };
        if (EnsembleSizes.Count > 0)
        {
            lines.Add($"  ensembles: sizes {string.Join(", ", EnsembleSizes)}; members are shared between sizes "
                + $"({Count(EnsembleMemberTrainingsShared, "member slot")} served by the study's own trainings)");
        }
        lines.Add($"  cost: {Number(TrainingSampleEpochs)} training sample-epochs, {Number(EvaluationImagePasses)} evaluated image passes; "
            + $"about {Duration(EstimatedSeconds)} on one slot");
        return lines;
    }

    private static string Count(long count, string noun) => $"{Number(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Duration(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Max(1, seconds));
        return time.TotalHours >= 1
            ? $"{(long)time.TotalHours} h {time.Minutes} min"
            : time.TotalMinutes >= 1 ? $"{(long)time.TotalMinutes} min {time.Seconds} s" : $"{time.Seconds} s";
    }
}
