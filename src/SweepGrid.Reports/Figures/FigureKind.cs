namespace SweepGrid.Reports.Figures;

/// <summary>What a report section shows; orders <c>figures.md</c>.</summary>
public enum FigureKind
{
    /// <summary>Metric against a condition family's strength (ε, σ, brightness factor), one series per training arm.</summary>
    Strength,

    /// <summary>Training loss/accuracy and per-epoch evaluation metrics against the epoch.</summary>
    Epochs,

    /// <summary>Metric per value of a categorical (or zipped) training axis.</summary>
    Axis,
}
