using SweepGrid.Reports;
using SweepGrid.Reports.Figures;
using SweepGrid.Store;
using ResultRow = SweepGrid.Reports.ResultRow;

namespace SweepGrid.Cli.Studies;

/// <summary>Builds a study's report from its stored raw results (every number traceable to a stored row).</summary>
public static class StudyReports
{
    public static Task<(StudyInfo Info, IReadOnlyList<ResultRow> Rows)> LoadAsync(ITrialStore store, StudyRecord study, CancellationToken cancellation) =>
        StoredResults.LoadAsync(store, study, cancellation);

    /// <summary>Writes the study's figures (see <see cref="FigureReport"/>) beside its tables, with the stored training curves.</summary>
    public static async Task<ReportOutput> WriteFiguresAsync(ITrialStore store, StudyInfo info, IReadOnlyList<ResultRow> rows, string outDir, CancellationToken cancellation)
    {
        var curves = new List<TrialCurve>();
        foreach (var trialId in rows.Select(r => r.TrialId).Distinct(StringComparer.Ordinal))
        {
            var trial = await store.GetTrialAsync(trialId, cancellation).ConfigureAwait(false);
            if (trial?.CurveJson is { Length: > 0 } json)
            {
                curves.Add(TrainingCurveJson.Parse(trialId, json));
            }
        }

        return FigureReport.Write(info, rows, curves, outDir);
    }
}
