using SweepGrid.Store;

namespace SweepGrid.Orchestration.Tests;

/// <summary>Small studies of no-op trials on a temporary SQLite file.</summary>
internal static class StudyFixtures
{
    public static StudySubmission Study(string id, int trials, int ensembles = 0)
    {
        var list = Enumerable.Range(0, trials)
            .Select(i => new TrialSubmission($"{id}-t{i:D5}", "train", "{}", null, $"{{\"index\":\"{i}\"}}", 0, 10, []))
            .ToList();
        for (var e = 0; e < ensembles; e++)
        {
            list.Add(new TrialSubmission($"{id}-e{e}", "ensemble", "{}", null, "{}", 0, 10, [list[0].TrialId, list[1].TrialId]));
        }
        return new StudySubmission(id, id, "spec", list);
    }

    public static string TempDatabase() => Path.Combine(Path.GetTempPath(), $"sweepgrid-orchestration-{Guid.NewGuid():N}.db");
}
