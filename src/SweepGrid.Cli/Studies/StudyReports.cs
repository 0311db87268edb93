using System.Text.Json;
using SweepGrid.Reports;
using SweepGrid.Reports.Figures;
using SweepGrid.Store;
using ResultRow = SweepGrid.Reports.ResultRow;

namespace SweepGrid.Cli.Studies;

/// <summary>Builds a study's report from its stored raw results (every number traceable to a stored row).</summary>
public static class StudyReports
{
    public static async Task<(StudyInfo Info, IReadOnlyList<ResultRow> Rows)> LoadAsync(ITrialStore store, StudyRecord study, CancellationToken cancellation)
    {
        var stored = await store.GetResultsAsync(study.StudyId, cancellation).ConfigureAwait(false);
        // The store returns rows in submission order; a trial's position orders text axis values as the spec does.
        var ordinals = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = stored.Select(r =>
        {
            var axes = JsonSerializer.Deserialize<Dictionary<string, string>>(r.AxesJson) ?? [];
            var ordinal = ordinals.TryGetValue(r.TrialId, out var seen) ? seen : ordinals[r.TrialId] = ordinals.Count;
            return new ResultRow(r.TrialId, axes, SeedOf(r.DefinitionJson, axes), r.Condition, r.Metric, r.Value, ordinal);
        }).ToList();
        var info = new StudyInfo(study.StudyId, study.Name, study.CreatedAt);
        return (info, rows);
    }

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

    private static ulong SeedOf(string definitionJson, Dictionary<string, string> axes)
    {
        if (axes.TryGetValue("seed", out var text) && ulong.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var fromAxes))
        {
            return fromAxes;
        }
        using var document = JsonDocument.Parse(definitionJson);
        return document.RootElement.TryGetProperty("training", out var training) && training.TryGetProperty("seed", out var seed) ? (ulong)seed.GetInt64() : 0;
    }
}
