namespace SweepGrid.Sweeps;

/// <summary>What a <see cref="Finding"/> expects of a metric along its axis.</summary>
public enum FindingShape
{
    /// <summary>The metric falls strictly as the axis value grows (numeric axes).</summary>
    Decreasing,

    /// <summary>The metric rises strictly as the axis value grows (numeric axes).</summary>
    Increasing,

    /// <summary>The metric is highest at the first listed value and falls strictly along the list.</summary>
    Order,
}

/// <summary>
/// A qualitative claim of the paper a study reproduces (spec key <c>findings</c>, docs/spec-reference.md):
/// the mean of <see cref="Metric"/> under <see cref="Condition"/>, per value of <see cref="Axis"/> (over seeds and
/// every other axis, restricted to <see cref="Where"/>), must follow <see cref="Shape"/>. Reports say whether the
/// stored results reproduce it; a claim is a statement about the data, never an input to training.
/// </summary>
/// <param name="Claim">The claim in words, e.g. "a steeper sigmoid (smaller T) resists FGSM better".</param>
/// <param name="Metric">The metric, e.g. <c>accuracy</c>.</param>
/// <param name="Condition">The canonical evaluation condition, e.g. <c>fgsm=0.1</c>; empty when <see cref="Axis"/> is <c>condition</c>.</param>
/// <param name="Axis">The axis path, e.g. <c>model.temperature</c> or <c>ensemble.size</c>, or <c>condition</c>: then the
/// values of <see cref="Order"/> are canonical conditions (e.g. <c>lowpass5:fgsm=0.2</c> before <c>fgsm=0.2</c>), compared on the same trials.</param>
/// <param name="Shape">Decreasing, increasing, or the listed order.</param>
/// <param name="Order">For <see cref="FindingShape.Order"/>: canonical axis values, highest metric first; otherwise empty.</param>
/// <param name="Where">Other axes fixed to one canonical value each (e.g. <c>dataset.name → mnist</c>), or to
/// <see cref="AxisAbsent"/>: only trials without that axis (the trainings of a study with <c>ensemble.size</c>).</param>
/// <param name="Margin">How much each step must differ by (default 0: strictly).</param>
/// <param name="Paper">The paper's numbers for the same claim, shown beside the study's (free text), or null.</param>
/// <param name="KnownDifference">
/// Why this setting is not expected to show the claim (e.g. MNIST is too easy for the paper's calibration gain), or null.
/// The claim is still checked and its verdict printed with the explanation; it does not count as a failed reproduction.
/// </param>
public sealed record Finding(
    string Claim,
    string Metric,
    string Condition,
    string Axis,
    FindingShape Shape,
    IReadOnlyList<string> Order,
    IReadOnlyDictionary<string, string> Where,
    double Margin,
    string? Paper,
    string? KnownDifference = null)
{
    /// <summary>The <see cref="Where"/> value that selects trials without the axis (written <c>~</c> in the spec).</summary>
    public const string AxisAbsent = "";

    /// <summary>True when the claim compares evaluation conditions rather than training arms.</summary>
    public bool AlongConditions => Axis == "condition";
}
