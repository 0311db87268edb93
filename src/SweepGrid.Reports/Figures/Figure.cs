namespace SweepGrid.Reports.Figures;

/// <summary>A figure: a title and one or more panels in one SVG document, in reading order (two to a row from four panels on).</summary>
/// <param name="Title">The figure title (also the SVG document title).</param>
/// <param name="Panels">The panels, in reading order.</param>
public sealed record Figure(string Title, IReadOnlyList<FigurePanel> Panels);
