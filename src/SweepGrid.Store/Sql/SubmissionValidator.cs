namespace SweepGrid.Store.Sql;

/// <summary>Checks a submission before the database is touched, so a malformed study inserts nothing.</summary>
internal static class SubmissionValidator
{
    public static void Validate(StudySubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        Require(!string.IsNullOrWhiteSpace(submission.StudyId), "the study id is empty");
        Require(submission.Name is not null && submission.SpecText is not null && submission.Trials is not null,
            $"study '{submission.StudyId}': name, spec text and trials are required");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trial in submission.Trials!)
        {
            Require(trial is not null && !string.IsNullOrWhiteSpace(trial.TrialId), $"study '{submission.StudyId}': a trial has an empty id");
            Require(ids.Add(trial!.TrialId), $"study '{submission.StudyId}': trial '{trial.TrialId}' appears twice");
            Require(!string.IsNullOrWhiteSpace(trial.Kind) && trial.DefinitionJson is not null && trial.AxesJson is not null && trial.DependsOn is not null,
                $"study '{submission.StudyId}', trial '{trial.TrialId}': kind, definition, axes and dependencies are required");
            Require(trial.MaxAttempts >= 1, $"study '{submission.StudyId}', trial '{trial.TrialId}': MaxAttempts is {trial.MaxAttempts}; it must be at least 1");
        }
        foreach (var trial in submission.Trials!)
            foreach (var dependency in trial.DependsOn)
                Require(ids.Contains(dependency) && dependency != trial.TrialId,
                    $"study '{submission.StudyId}', trial '{trial.TrialId}': dependency '{dependency}' must be another trial of the same submission");
        RequireAcyclic(submission);
    }

    private static void RequireAcyclic(StudySubmission submission)
    {
        // Kahn's algorithm: whatever cannot be ordered sits on a cycle and would stay pending forever.
        var remaining = submission.Trials.ToDictionary(t => t.TrialId, t => t.DependsOn.Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var dependants = submission.Trials
            .SelectMany(t => t.DependsOn.Distinct(StringComparer.Ordinal).Select(d => (Dependency: d, Dependant: t.TrialId)))
            .ToLookup(p => p.Dependency, p => p.Dependant, StringComparer.Ordinal);
        var ready = new Queue<string>(remaining.Where(p => p.Value == 0).Select(p => p.Key));
        var ordered = 0;
        while (ready.TryDequeue(out var id))
        {
            ordered++;
            foreach (var dependant in dependants[id])
                if (--remaining[dependant] == 0)
                    ready.Enqueue(dependant);
        }
        Require(ordered == remaining.Count,
            $"study '{submission.StudyId}': dependency cycle among trials {string.Join(", ", remaining.Where(p => p.Value > 0).Select(p => p.Key))}");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(message);
    }
}
