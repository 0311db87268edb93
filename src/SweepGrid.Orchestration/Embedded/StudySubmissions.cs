using System.Text.Json;
using SweepGrid.Store;
using SweepGrid.Sweeps;

namespace SweepGrid.Orchestration.Embedded;

/// <summary>Turns a study plan into the store's submission.</summary>
public static class StudySubmissions
{
    /// <summary>Attempts per trial: interruptions (Ctrl-C, kill -9) each use one, so there is headroom.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The study's id: its name, with the profile when one was chosen (e.g. "quickstart@quick").</summary>
    public static string StudyId(StudyPlan plan) => plan.Profile is null ? plan.StudyName : $"{plan.StudyName}@{plan.Profile}";

    public static StudySubmission From(StudyPlan plan, string specText) => new(
        StudyId(plan),
        plan.StudyName,
        specText,
        plan.Trials.Select(t => new TrialSubmission(
            t.Id,
            t.Kind == TrialKind.Train ? "train" : "ensemble",
            t.Definition,
            t.WeightsKey,
            JsonSerializer.Serialize(t.Axes.ToDictionary(a => a.Key, a => a.Value.Text)),
            Priority: 0,
            MaxAttempts,
            t.DependsOn)).ToList());
}
