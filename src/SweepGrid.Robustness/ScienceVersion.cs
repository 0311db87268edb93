namespace SweepGrid.Robustness;

/// <summary>
/// The version of the training and evaluation code, part of every trial's identity: bump it when a
/// change alters results, so stored results of the old code are not mistaken for the new code's.
/// </summary>
public static class ScienceVersion
{
    public const string Current = "sweepgrid-science/1";
}
