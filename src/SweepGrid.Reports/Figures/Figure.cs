namespace SweepGrid.Reports.Figures;

/// <summary>A figure: a title and one or more panels drawn one below the other in one SVG document.</summary>
/// <param name="Title">The figure title (also the SVG document title).</param>
/// <param name="Panels">The panels, top to bottom.</param>
public sealed record Figure(string Title, IReadOnlyList<FigurePanel> Panels);
