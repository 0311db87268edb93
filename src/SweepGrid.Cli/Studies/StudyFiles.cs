using SweepGrid.Robustness;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Sweeps;

namespace SweepGrid.Cli.Studies;

/// <summary>Loads a spec file and expands it, with dataset fingerprints from the real files when they are needed.</summary>
public static class StudyFiles
{
    /// <summary>Expands for validation only: ids are computed without reading the dataset.</summary>
    public static StudyPlan ExpandForValidation(SweepSpec spec, string? profile) =>
        StudyPlanner.Expand(spec, profile, "unresolved", ScienceVersion.Current);

    /// <summary>Expands for running: each dataset's identity is the SHA-256 fingerprint of its decoded content.</summary>
    public static StudyPlan ExpandForRun(SweepSpec spec, string? profile, string? dataDirectory) =>
        StudyPlanner.Expand(spec, profile, name =>
        {
            var train = DatasetCache.Open(name, DataSplit.Train, dataDirectory);
            var test = DatasetCache.Open(name, DataSplit.Test, dataDirectory);
            return $"{train.Fingerprint}:{test.Fingerprint}";
        }, ScienceVersion.Current);
}
