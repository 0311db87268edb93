using System.Data.Common;
using System.Globalization;
using static SweepGrid.Store.Sql.StateNames;

namespace SweepGrid.Store.Sql;

internal sealed partial class SqlTrialStore
{
    private const string StudyColumns =
        "id, name, spec, state, (SELECT COUNT(*) FROM study_trials st WHERE st.study_id = studies.id), created_at, updated_at";

    /// <summary>Trials of study @study, as an SQL condition on table <c>trials</c>.</summary>
    private const string InStudy = "id IN (SELECT trial_id FROM study_trials WHERE study_id = @study)";

    /// <summary>True when no running study other than @study contains the trial (a condition on table <c>trials</c>).</summary>
    private const string NotInOtherRunningStudy =
        "NOT EXISTS (SELECT 1 FROM study_trials o JOIN studies os ON os.id = o.study_id " +
        "WHERE o.trial_id = trials.id AND o.study_id <> @study AND os.state = 'running')";

    public Task<SubmissionResult> SubmitStudyAsync(StudySubmission submission, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        SubmissionValidator.Validate(submission);
        now = Truncate(now);
        var studyId = submission.StudyId;
        return WriteAsync($"submit study '{studyId}'", async s =>
        {
            if (dialect.LockStudiesSql is { } lockStudies)
                await s.ExecuteAsync(lockStudies).ConfigureAwait(false);
            var at = s.Time(now);
            var created = await s.ExecuteAsync(
                "INSERT INTO studies (id, name, spec, state, created_at, updated_at) VALUES (@study, @name, @spec, 'running', @now, @now) " +
                "ON CONFLICT (id) DO NOTHING",
                ("study", studyId), ("name", submission.Name), ("spec", submission.SpecText), ("now", at)).ConfigureAwait(false) == 1;
            if (created)
                s.AppendEvent(now, studyId, null, StudyEventKinds.StudySubmitted, $"{submission.Trials.Count} trials");

            var inserted = new List<TrialSubmission>();
            foreach (var trial in submission.Trials)
            {
                var rows = await s.ExecuteAsync(
                    "INSERT INTO trials (id, kind, definition, weights_key, state, priority, attempts, max_attempts, created_at, updated_at) " +
                    "VALUES (@id, @kind, @definition, @weights, @state, @priority, 0, @max, @now, @now) ON CONFLICT (id) DO NOTHING",
                    ("id", trial.TrialId), ("kind", trial.Kind), ("definition", trial.DefinitionJson), ("weights", trial.WeightsKey),
                    ("state", trial.DependsOn.Count == 0 ? Queued : Pending), ("priority", trial.Priority), ("max", trial.MaxAttempts),
                    ("now", at)).ConfigureAwait(false);
                if (rows == 1)
                    inserted.Add(trial);
            }
            foreach (var trial in inserted)
                foreach (var dependency in trial.DependsOn.Distinct(StringComparer.Ordinal))
                    await s.ExecuteAsync(
                        "INSERT INTO dependencies (trial_id, depends_on) VALUES (@trial, @dependency) ON CONFLICT DO NOTHING",
                        ("trial", trial.TrialId), ("dependency", dependency)).ConfigureAwait(false);

            var ordinal = Int(await s.ScalarAsync(
                "SELECT COALESCE(MAX(ordinal), -1) + 1 FROM study_trials WHERE study_id = @study", ("study", studyId)).ConfigureAwait(false));
            var linked = 0;
            foreach (var trial in submission.Trials)
            {
                var rows = await s.ExecuteAsync(
                    "INSERT INTO study_trials (study_id, trial_id, ordinal, axes) VALUES (@study, @trial, @ordinal, @axes) ON CONFLICT DO NOTHING",
                    ("study", studyId), ("trial", trial.TrialId), ("ordinal", ordinal), ("axes", trial.AxesJson)).ConfigureAwait(false);
                ordinal += rows;
                linked += rows;
            }

            var state = StudyStateOf((string)(await s.ScalarAsync("SELECT state FROM studies WHERE id = @study", ("study", studyId)).ConfigureAwait(false))!);
            if (state == StudyState.Cancelled || (state == StudyState.Completed && linked > 0))
            {
                await s.ExecuteAsync("UPDATE studies SET state = 'running', updated_at = @now WHERE id = @study", ("study", studyId), ("now", at)).ConfigureAwait(false);
                s.AppendEvent(now, studyId, null, StudyEventKinds.StudyResumed, $"was {Of(state)}");
                state = StudyState.Running;
            }
            if (state == StudyState.Running)
                await ReviveStudyTrialsAsync(s, studyId, inserted.Where(t => t.DependsOn.Count > 0).Select(t => t.TrialId), now).ConfigureAwait(false);

            var study = await LoadStudyAsync(s, studyId).ConfigureAwait(false);
            return new SubmissionResult(study!, created, inserted.Count, linked);
        }, cancellationToken);
    }

    /// <summary>
    /// A running study wants all its trials to run: cancellation requests on its leased trials are withdrawn,
    /// its cancelled trials start over, and its new or revived pending trials are queued when their
    /// dependencies are done. Only trials this transaction created or revived are resolved; pending trials
    /// that already existed are released by their dependencies' completions. Rows are locked leased-first,
    /// then waiting ones, the same order every other write uses, so PostgreSQL never deadlocks.
    /// </summary>
    private async Task ReviveStudyTrialsAsync(SqlSession s, string studyId, IEnumerable<string> insertedPending, DateTimeOffset now)
    {
        await s.ExecuteAsync(
            $"UPDATE trials SET cancel_requested = 0 WHERE cancel_requested = 1 AND {InStudy}", ("study", studyId)).ConfigureAwait(false);
        var revived = await s.QueryAsync(
            $"SELECT id FROM trials WHERE state = 'cancelled' AND {InStudy} ORDER BY id{dialect.ForUpdate}",
            r => r.GetString(0), ("study", studyId)).ConfigureAwait(false);
        foreach (var trialId in revived)
            await s.ExecuteAsync(
                "UPDATE trials SET state = 'pending', attempts = 0, lease_expirations = 0, last_error = NULL, updated_at = @now WHERE id = @id",
                ("id", trialId), ("now", s.Time(now))).ConfigureAwait(false);
        var candidates = revived.Concat(insertedPending).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await ResolvePendingAsync(s, candidates, now, lockDependencies: true).ConfigureAwait(false);
    }

    public Task<StudyRecord?> GetStudyAsync(string studyId, CancellationToken cancellationToken = default) =>
        ReadAsync($"read study '{studyId}'", s => LoadStudyAsync(s, studyId), cancellationToken);

    public Task<IReadOnlyList<StudyRecord>> ListStudiesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StudyRecord>>("list studies", async s =>
            await s.QueryAsync($"SELECT {StudyColumns} FROM studies ORDER BY created_at, id", ReadStudy).ConfigureAwait(false),
            cancellationToken);

    public Task<StudyRecord?> CancelStudyAsync(string studyId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        now = Truncate(now);
        return WriteAsync($"cancel study '{studyId}'", async s =>
        {
            if (dialect.LockStudiesSql is { } lockStudies)
                await s.ExecuteAsync(lockStudies).ConfigureAwait(false);
            var study = await LoadStudyAsync(s, studyId).ConfigureAwait(false);
            if (study is null || study.State != StudyState.Running)
                return study;
            var at = s.Time(now);
            await s.ExecuteAsync("UPDATE studies SET state = 'cancelled', updated_at = @now WHERE id = @study", ("study", studyId), ("now", at)).ConfigureAwait(false);
            s.AppendEvent(now, studyId, null, StudyEventKinds.StudyCancelled, "");

            // Leased rows first, then waiting ones: the lock order every write follows (see ReviveStudyTrialsAsync).
            await s.ExecuteAsync(
                $"UPDATE trials SET cancel_requested = 1, updated_at = @now WHERE state = 'leased' AND {InStudy} AND {NotInOtherRunningStudy}",
                ("study", studyId), ("now", at)).ConfigureAwait(false);
            var waiting = await s.QueryAsync(
                $"SELECT id FROM trials WHERE state IN ('queued', 'pending') AND {InStudy} AND {NotInOtherRunningStudy} ORDER BY id{dialect.ForUpdate}",
                r => r.GetString(0), ("study", studyId)).ConfigureAwait(false);
            foreach (var trialId in waiting)
            {
                var rows = await s.ExecuteAsync(
                    "UPDATE trials SET state = 'cancelled', updated_at = @now WHERE id = @id AND state IN ('queued', 'pending')",
                    ("id", trialId), ("now", at)).ConfigureAwait(false);
                if (rows == 1)
                    s.AppendEvent(now, null, trialId, StudyEventKinds.TrialCancelled, $"study {studyId} cancelled");
            }
            return await LoadStudyAsync(s, studyId).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> FinishStudiesAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        now = Truncate(now);
        return WriteAsync<IReadOnlyList<string>>("finish studies", async s =>
        {
            if (dialect.LockStudiesSql is { } lockStudies)
                await s.ExecuteAsync(lockStudies).ConfigureAwait(false);
            var finished = await s.QueryAsync(
                "SELECT id FROM studies WHERE state = 'running' AND NOT EXISTS (SELECT 1 FROM study_trials st JOIN trials t ON t.id = st.trial_id " +
                "WHERE st.study_id = studies.id AND t.state IN ('pending', 'queued', 'leased')) ORDER BY created_at, id",
                r => r.GetString(0)).ConfigureAwait(false);
            foreach (var studyId in finished)
            {
                await s.ExecuteAsync("UPDATE studies SET state = 'completed', updated_at = @now WHERE id = @study",
                    ("study", studyId), ("now", s.Time(now))).ConfigureAwait(false);
                var counts = await CountAsync(s, studyId).ConfigureAwait(false);
                s.AppendEvent(now, studyId, null, StudyEventKinds.StudyCompleted, string.Create(CultureInfo.InvariantCulture,
                    $"{counts[TrialState.Completed]} completed, {counts[TrialState.Failed]} failed, {counts[TrialState.Cancelled]} cancelled"));
            }
            return finished;
        }, cancellationToken);
    }

    private Task<StudyRecord?> LoadStudyAsync(SqlSession s, string studyId) =>
        s.QuerySingleAsync($"SELECT {StudyColumns} FROM studies WHERE id = @study", ReadStudy, ("study", studyId));

    private StudyRecord ReadStudy(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), StudyStateOf(r.GetString(3)), Int(r.GetValue(4)),
        dialect.ReadTime(r, 5), dialect.ReadTime(r, 6));
}
