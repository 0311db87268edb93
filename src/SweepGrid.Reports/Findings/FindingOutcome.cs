using SweepGrid.Sweeps;

namespace SweepGrid.Reports.Findings;

/// <summary>Whether the stored results show a <see cref="Finding"/>.</summary>
public enum FindingVerdict
{
    /// <summary>Every step of the expected order holds (by more than the margin).</summary>
    Reproduced,

    /// <summary>Measured, and at least one step goes the other way.</summary>
    NotReproduced,

    /// <summary>Fewer than two of the claim's axis values have results under its condition (yet).</summary>
    NotMeasured,
}

/// <summary>One axis value of a finding: the mean of the metric over the matching trials.</summary>
/// <param name="Value">The canonical axis value.</param>
/// <param name="Mean">The mean over trials (seeds and other axes); NaN when none.</param>
/// <param name="Trials">How many trials the mean is over.</param>
public sealed record FindingPoint(string Value, double Mean, int Trials);

/// <summary>A finding checked against a study's results: the verdict and the means in the expected order.</summary>
public sealed record FindingOutcome(Finding Finding, FindingVerdict Verdict, IReadOnlyList<FindingPoint> Points);
