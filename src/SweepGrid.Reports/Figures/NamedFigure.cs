namespace SweepGrid.Reports.Figures;

/// <summary>A figure and the file it is written to (relative to the study's report directory).</summary>
public sealed record NamedFigure(FigureKind Kind, string File, Figure Figure);
