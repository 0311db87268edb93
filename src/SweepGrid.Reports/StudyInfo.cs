namespace SweepGrid.Reports;

/// <summary>What a report says about the study itself (its header); nothing here affects the numbers.</summary>
/// <param name="Name">The study name; also names the report directory (characters unsafe in file names are replaced by '-').</param>
/// <param name="Description">Free text shown under the title; may be empty.</param>
/// <param name="Created">When the study was created; printed as given (ISO 8601), so reports stay byte-for-byte reproducible.</param>
public sealed record StudyInfo(string Name, string Description, DateTimeOffset Created)
{
    /// <summary>
    /// Further header facts (e.g. <c>spec → sweeps/temperature.yaml</c>, <c>state → completed</c>), listed
    /// in ordinal key order. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>The paper's claims and the accuracy floor the report checks (from the stored spec); none by default.</summary>
    public Findings.StudyChecks Checks { get; init; } = Findings.StudyChecks.None;
}
