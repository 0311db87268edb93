using SweepGrid.Reports;
using SweepGrid.Store;
using ResultRow = SweepGrid.Reports.ResultRow;

namespace SweepGrid.Cli.Studies;

/// <summary>Builds a study's report from its stored raw results (every number traceable to a stored row).</summary>
public static class StudyReports
{
    public static Task<(StudyInfo Info, IReadOnlyList<ResultRow> Rows)> LoadAsync(ITrialStore store, StudyRecord study, CancellationToken cancellation) =>
        StoredResults.LoadAsync(store, study, cancellation);
}
