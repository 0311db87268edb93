using SweepGrid.Orchestration.Embedded;
using SweepGrid.Robustness;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Store;
using SweepGrid.Sweeps;

namespace SweepGrid.Server.Planning;

/// <summary>
/// Plans with each dataset's content fingerprint read from the data directory ($SWEEPGRID_DATA), exactly as
/// the embedded <c>sweepgrid run</c> does (or from the folder given), so a study submitted over HTTP has the same ids as one run locally
/// and shares its stored results.
/// </summary>
public sealed class DatasetSubmissionPlanner(string? dataDirectory = null) : ISubmissionPlanner
{
    public StudySubmission Plan(SweepSpec spec, string? profile, string specText)
    {
        var plan = StudyPlanner.Expand(spec, profile, name =>
        {
            var train = DatasetCache.Open(name, DataSplit.Train, dataDirectory);
            var test = DatasetCache.Open(name, DataSplit.Test, dataDirectory);
            return $"{train.Fingerprint}:{test.Fingerprint}";
        }, ScienceVersion.Current);
        return StudySubmissions.From(plan, specText);
    }
}
