namespace SweepGrid.Reports;

/// <summary>What <see cref="ReportWriter.Write"/> produced.</summary>
/// <param name="Directory">The study's report directory, e.g. <c>reports/temperature-sweep</c>.</param>
/// <param name="Files">The full paths of the files written, in the order they were written.</param>
public sealed record ReportOutput(string Directory, IReadOnlyList<string> Files);
