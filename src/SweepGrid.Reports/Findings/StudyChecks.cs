using SweepGrid.Sweeps;

namespace SweepGrid.Reports.Findings;

/// <summary>
/// What a report checks besides the numbers: the paper's qualitative claims (<c>findings</c>) and the clean-accuracy
/// floor below which a model counts as not trained enough (<c>study.accuracy_floor</c>), both read from the stored spec.
/// </summary>
/// <param name="Findings">The spec's claims, in file order.</param>
/// <param name="AccuracyFloor">The stated floor, or null (near-chance models are flagged regardless).</param>
public sealed record StudyChecks(IReadOnlyList<Finding> Findings, double? AccuracyFloor)
{
    /// <summary>No claims and no floor.</summary>
    public static StudyChecks None { get; } = new([], null);

    /// <summary>
    /// The checks of a stored spec; <see cref="None"/> when the text no longer parses (a study stored by an
    /// older version whose spec this version refuses still gets its tables).
    /// </summary>
    public static StudyChecks FromSpecText(string? specText)
    {
        if (string.IsNullOrWhiteSpace(specText))
        {
            return None;
        }
        try
        {
            var spec = SweepSpec.Parse(specText, "stored spec");
            return new StudyChecks(spec.Findings, spec.AccuracyFloor);
        }
        catch (SpecException)
        {
            return None;
        }
    }
}
