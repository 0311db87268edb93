using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Spec;

namespace SweepGrid.Sweeps.Planning;

/// <summary>Turns evaluation items into a trial's canonical entry list.</summary>
internal static class EvaluationList
{
    /// <summary>
    /// <c>clean</c> first (always evaluated, so it is always listed), then the other entries in ordinal
    /// order without duplicates, so that reordering or repeating entries does not change a trial's id.
    /// Two different <c>pixel=</c> entries are an error.
    /// </summary>
    public static IReadOnlyList<string> Canonical(IReadOnlyList<EvaluationItem> items, ErrorSink errors)
    {
        var pixel = items.Where(i => i.Entry.StartsWith("pixel=", StringComparison.Ordinal)).ToList();
        foreach (var other in pixel.Skip(1).Where(p => p.Entry != pixel[0].Entry))
        {
            errors.Add(other.Origin, other.OriginPath, $"give one pixel entry ('{pixel[0].Entry}' is already given; pixel=n evaluates 1 to n pixels)");
        }
        return
        [
            "clean",
            .. items.Select(i => i.Entry).Where(e => e != "clean").Distinct().Order(StringComparer.Ordinal),
        ];
    }
}
