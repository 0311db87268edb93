namespace SweepGrid.Reports.Figures;

/// <summary>How a panel draws its series: lines over a numeric x axis, or grouped bars over categories.</summary>
public enum PanelKind
{
    /// <summary>One polyline per series with a marker and a ± std error bar per point.</summary>
    Line,

    /// <summary>One bar per series within each category (x = category index), with a ± std error bar.</summary>
    Bar,
}
