namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Outcome of the pixel attack with n pixels (seed 003 §3.3) over a test set: per class, how many inputs
/// were attacked (the correctly classified ones) and how many of those were turned into a misclassification.
/// </summary>
/// <param name="PixelCount">n: how many top-|gradient| pixels were set to 0 or 1.</param>
/// <param name="AttackedPerClass">Correctly classified inputs per true class (only those are attacked).</param>
/// <param name="SucceededPerClass">Attacked inputs per true class for which some candidate was misclassified.</param>
/// <param name="Attacked">Per input: whether it was attacked (classified correctly before the attack).</param>
/// <param name="FewestChangedPixels">Per input: the fewest pixels a successful candidate changed, or 0 when no candidate succeeded (or the input was not attacked).</param>
public sealed record PixelAttackResult(int PixelCount, IReadOnlyList<long> AttackedPerClass, IReadOnlyList<long> SucceededPerClass,
    IReadOnlyList<bool> Attacked, IReadOnlyList<int> FewestChangedPixels)
{
    /// <summary>Succeeded / attacked over all classes; NaN when nothing was attacked.</summary>
    public double SuccessRate => Rate(SucceededPerClass.Sum(), AttackedPerClass.Sum());

    /// <summary>Succeeded / attacked per class; NaN for a class with no attacked input.</summary>
    public IReadOnlyList<double> SuccessRatePerClass =>
        AttackedPerClass.Select((attacked, c) => Rate(SucceededPerClass[c], attacked)).ToArray();

    private static double Rate(long succeeded, long attacked) => attacked == 0 ? double.NaN : (double)succeeded / attacked;
}
