using System.Globalization;
using System.Text.Json;
using SweepGrid.Store;

namespace SweepGrid.Reports;

/// <summary>
/// A study's report input read from the store (<see cref="ITrialStore.GetResultsAsync"/>): the long-format
/// rows every number of a report is computed from, so each one traces back to a stored row.
/// </summary>
public static class StoredResults
{
    /// <summary>The study's header and result rows (only completed trials have rows).</summary>
    public static async Task<(StudyInfo Info, IReadOnlyList<ResultRow> Rows)> LoadAsync(ITrialStore store, StudyRecord study, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(study);
        var stored = await store.GetResultsAsync(study.StudyId, cancellation).ConfigureAwait(false);
        // The store returns rows in submission order; a trial's position orders text axis values as the spec does.
        var ordinals = new Dictionary<string, long>(StringComparer.Ordinal);
        var rows = stored.Select(r => ToRow(r, ordinals.TryGetValue(r.TrialId, out var seen) ? seen : ordinals[r.TrialId] = ordinals.Count)).ToList();
        var info = new StudyInfo(study.StudyId, study.Name, study.CreatedAt) { Checks = Findings.StudyChecks.FromSpecText(study.SpecText) };
        return (info, rows);
    }

    /// <summary>One stored row as a report row: the study's axes for the trial, its seed and its submission ordinal.</summary>
    public static ResultRow ToRow(StudyResultRow row, long trialOrdinal = 0)
    {
        ArgumentNullException.ThrowIfNull(row);
        var axes = JsonSerializer.Deserialize<Dictionary<string, string>>(row.AxesJson) ?? [];
        return new ResultRow(row.TrialId, axes, SeedOf(row.DefinitionJson, axes), row.Condition, row.Metric, row.Value, trialOrdinal);
    }

    private static ulong SeedOf(string definitionJson, Dictionary<string, string> axes)
    {
        if (axes.TryGetValue("seed", out var text) && ulong.TryParse(text, CultureInfo.InvariantCulture, out var fromAxes))
        {
            return fromAxes;
        }
        using var document = JsonDocument.Parse(definitionJson);
        return document.RootElement.TryGetProperty("training", out var training) && training.TryGetProperty("seed", out var seed) ? (ulong)seed.GetInt64() : 0;
    }
}
