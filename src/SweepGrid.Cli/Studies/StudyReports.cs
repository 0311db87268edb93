using System.Text.Json;
using SweepGrid.Reports;
using SweepGrid.Store;
using ResultRow = SweepGrid.Reports.ResultRow;

namespace SweepGrid.Cli.Studies;

/// <summary>Builds a study's report from its stored raw results (every number traceable to a stored row).</summary>
public static class StudyReports
{
    public static async Task<(StudyInfo Info, IReadOnlyList<ResultRow> Rows)> LoadAsync(ITrialStore store, StudyRecord study, CancellationToken cancellation)
    {
        var stored = await store.GetResultsAsync(study.StudyId, cancellation).ConfigureAwait(false);
        var rows = stored.Select(r =>
        {
            var axes = JsonSerializer.Deserialize<Dictionary<string, string>>(r.AxesJson) ?? [];
            return new ResultRow(r.TrialId, axes, SeedOf(r.DefinitionJson, axes), r.Condition, r.Metric, r.Value);
        }).ToList();
        var info = new StudyInfo(study.StudyId, study.Name, study.CreatedAt);
        return (info, rows);
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
