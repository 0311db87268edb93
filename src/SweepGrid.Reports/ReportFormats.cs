namespace SweepGrid.Reports;

/// <summary>Which files <see cref="ReportWriter"/> produces; combine with <c>|</c>.</summary>
[Flags]
public enum ReportFormats
{
    /// <summary>Nothing (the directory is still created).</summary>
    None = 0,

    /// <summary><c>summary.md</c>: one GitHub table per metric of interest, plus the paired Δ table.</summary>
    Markdown = 1,

    /// <summary><c>accuracy.csv</c> (the accuracy pivot) and <c>results.csv</c> (the raw long-format rows).</summary>
    Csv = 2,

    /// <summary><c>results.json</c>: every pivot with per-cell n and trial ids, plus the raw rows.</summary>
    Json = 4,

    /// <summary>One line chart per numeric axis × metric of interest, e.g. <c>accuracy-vs-model.temperature.svg</c>.</summary>
    Svg = 8,

    /// <summary>Every format.</summary>
    All = Markdown | Csv | Json | Svg,
}
