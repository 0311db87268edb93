namespace SweepGrid.Reports.Figures;

/// <summary>
/// The split rule that keeps every chart readable: a panel holds at most <see cref="MaxSeriesPerPanel"/>
/// series.
/// <list type="number">
/// <item>Training arms (combinations of the varying axes) are series. While the arms of one panel would
/// exceed the limit and more than one axis is left, the axis with the fewest distinct values (ties: the
/// first in ordinal path order) moves from the series to the panels: one panel per value (combination).</item>
/// <item>A panel that still holds more series (one axis with many values, or a non-arm series set such as
/// conditions) is cut into the fewest consecutive, near-equal parts that fit, titled <c>(part i of k)</c>.</item>
/// </list>
/// The rule depends only on the axes' value counts and order, so a study's charts split the same way each time.
/// </summary>
internal static class SeriesSplit
{
    public const int MaxSeriesPerPanel = 8;

    /// <summary>Chooses which arm axes become panels and which stay series (rule 1).</summary>
    public static (IReadOnlyList<FigureAxis> Panels, IReadOnlyList<FigureAxis> Series) ChooseAxes(IReadOnlyList<FigureAxis> axes)
    {
        var series = axes.ToList();
        var panels = new List<FigureAxis>();
        while (series.Count > 1 && series.Aggregate(1L, (product, a) => product * a.Values.Count) > MaxSeriesPerPanel)
        {
            var fewest = series.OrderBy(a => a.Values.Count).ThenBy(a => a.Name, StringComparer.Ordinal).First();
            series.Remove(fewest);
            panels.Add(fewest);
        }

        return (panels.OrderBy(a => a.Name, StringComparer.Ordinal).ToList(), series);
    }

    /// <summary>Cuts one panel's series into parts of at most <see cref="MaxSeriesPerPanel"/> (rule 2).</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<ChartSeries> Series)> Chunk(string title, IReadOnlyList<ChartSeries> series)
    {
        var parts = Parts(series);
        return parts.Count == 1
            ? [(title, series)]
            : parts.Select((part, i) => (Title: PartTitle(title, i, parts.Count), Series: part)).ToList();
    }

    /// <summary>The fewest consecutive, near-equal parts of at most <see cref="MaxSeriesPerPanel"/> items (one part when they fit).</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Parts<T>(IReadOnlyList<T> items)
    {
        var count = Math.Max(1, (items.Count + MaxSeriesPerPanel - 1) / MaxSeriesPerPanel);
        var size = Math.Max(1, (items.Count + count - 1) / count);
        return Enumerable.Range(0, count).Select(i => (IReadOnlyList<T>)items.Skip(i * size).Take(size).ToList()).ToList();
    }

    /// <summary><c>title (part i of k)</c>.</summary>
    public static string PartTitle(string title, int index, int count) =>
        $"{title}{(title.Length > 0 ? " " : "")}(part {index + 1} of {count})";
}
