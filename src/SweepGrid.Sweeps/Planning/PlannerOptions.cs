namespace SweepGrid.Sweeps;

/// <summary>Limits and rates used by <see cref="StudyPlanner"/>.</summary>
public sealed record PlannerOptions
{
    /// <summary>Specs expanding to more trainings than this are refused (default 100,000).</summary>
    public int MaxTrainings { get; init; } = 100_000;

    /// <summary>
    /// Training throughput of one slot in MLP-256 samples per second, for the rough time estimate
    /// (default 40,000: one CPU thread with OpenBLAS; larger models are scaled by their relative cost).
    /// </summary>
    public double TrainSamplesPerSecond { get; init; } = 40_000;
}
