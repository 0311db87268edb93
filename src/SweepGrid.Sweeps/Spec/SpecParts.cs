using SweepGrid.Sweeps.Values;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps.Spec;

/// <summary>A checked value for one setting path, with where it was written (for later errors).</summary>
internal sealed record Assignment(string Path, SettingValue Value, SpecNode Origin, string OriginPath);

/// <summary>
/// A training-time axis: one path, or several zipped paths that move together. Each point assigns a
/// value to every path of the axis.
/// </summary>
internal sealed record SpecAxis(IReadOnlyList<string> Paths, IReadOnlyList<IReadOnlyList<Assignment>> Points, SpecNode Origin, string OriginPath)
{
    /// <summary>This axis without the given paths (a profile fixed them); null when nothing is left.</summary>
    public SpecAxis? Without(IReadOnlySet<string> fixedPaths)
    {
        if (!Paths.Any(fixedPaths.Contains))
        {
            return this;
        }
        var kept = Paths.Where(p => !fixedPaths.Contains(p)).ToList();
        if (kept.Count == 0)
        {
            return null;
        }
        var points = Points.Select(point => (IReadOnlyList<Assignment>)point.Where(a => !fixedPaths.Contains(a.Path)).ToList())
            .DistinctBy(point => string.Join("\n", point.Select(a => a.Value.Text)))
            .ToList();
        return this with { Paths = kept, Points = points };
    }
}

/// <summary>One canonical evaluation entry and where it was written.</summary>
internal sealed record EvaluationItem(string Entry, SpecNode Origin, string OriginPath);

/// <summary>
/// The ensembles of a study: sizes, and either no members (members differ by seed) or one override set
/// per member (heterogeneous members, each trained with every seed).
/// </summary>
internal sealed record EnsembleSpec(
    IReadOnlyList<(int Size, SpecNode Origin, string Path)> Sizes,
    IReadOnlyList<IReadOnlyList<Assignment>> Members,
    IReadOnlyList<EvaluationItem>? Evaluations,
    SpecNode Origin);

/// <summary>
/// A named set of overrides chosen at expansion (e.g. <c>quick</c>): settings fixed to one value, seeds,
/// narrower axes (each replaces the spec's axis of the same path) and a replacement evaluation list.
/// </summary>
internal sealed record ProfileSpec(
    string Name,
    IReadOnlyList<Assignment> Overrides,
    IReadOnlyList<long>? Seeds,
    SpecNode Origin,
    IReadOnlyList<SpecAxis> Axes,
    IReadOnlyList<EvaluationItem>? Evaluations);
