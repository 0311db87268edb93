using SweepGrid.Store;

namespace SweepGrid.Cli.Studies;

/// <summary>Why each failed trial of a study failed, from the stored trials and their timeline.</summary>
public static class FailureReasons
{
    public static async Task<IReadOnlyList<(string TrialId, string Reason)>> LoadAsync(ITrialStore store, string studyId, CancellationToken ct)
    {
        var failedIds = new SortedSet<string>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var page = await store.GetEventsAsync(studyId, after, 1000, ct).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var e in page.Where(e => e.Kind == StudyEventKinds.TrialFailed && e.TrialId is not null))
            {
                failedIds.Add(e.TrialId!);
            }
            after = page[^1].Id;
        }
        var reasons = new List<(string, string)>();
        foreach (var id in failedIds)
        {
            if (await store.GetTrialAsync(id, ct).ConfigureAwait(false) is { State: TrialState.Failed } trial)
            {
                reasons.Add((id, trial.LastError ?? "no reason recorded"));
            }
        }
        return reasons;
    }

    public static async Task PrintAsync(ITrialStore store, string studyId, TextWriter output, CancellationToken ct)
    {
        foreach (var (trialId, reason) in await LoadAsync(store, studyId, ct).ConfigureAwait(false))
        {
            output.WriteLine($"  failed {trialId[..Math.Min(12, trialId.Length)]}: {reason}");
        }
    }
}
