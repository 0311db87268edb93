using SweepGrid.Store;
using SweepGrid.Sweeps;

namespace SweepGrid.Server.Planning;

/// <summary>Expands a checked spec into the store's submission, with the trial ids <c>sweepgrid run</c> would give it.</summary>
public interface ISubmissionPlanner
{
    /// <exception cref="SpecException">The profile is unknown or the expansion is refused (e.g. too many trainings).</exception>
    StudySubmission Plan(SweepSpec spec, string? profile, string specText);
}
