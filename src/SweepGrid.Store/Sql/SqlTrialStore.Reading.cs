using System.Data.Common;
using static SweepGrid.Store.Sql.StateNames;

namespace SweepGrid.Store.Sql;

internal sealed partial class SqlTrialStore
{
    public Task<IReadOnlyList<StudyResultRow>> GetResultsAsync(string studyId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StudyResultRow>>($"read the results of study '{studyId}'", async s =>
            await s.QueryAsync(
                "SELECT t.id, t.kind, t.definition, st.axes, r.condition, r.metric, r.value " +
                "FROM study_trials st JOIN trials t ON t.id = st.trial_id JOIN results r ON r.trial_id = t.id " +
                "WHERE st.study_id = @study AND t.state = 'completed' ORDER BY st.ordinal, r.ordinal",
                r => new StudyResultRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    r.IsDBNull(6) ? double.NaN : r.GetDouble(6)),
                ("study", studyId)).ConfigureAwait(false),
            cancellationToken);

    public Task<TrialRecord?> GetTrialAsync(string trialId, CancellationToken cancellationToken = default) =>
        ReadAsync($"read trial '{trialId}'", async s =>
        {
            var dependencies = await s.QueryAsync(
                "SELECT depends_on FROM dependencies WHERE trial_id = @id ORDER BY depends_on", r => r.GetString(0), ("id", trialId)).ConfigureAwait(false);
            return await s.QuerySingleAsync(
                "SELECT id, kind, definition, weights_key, state, priority, attempts, max_attempts, lease_owner, lease_until, cancel_requested, " +
                "progress, last_error, curve, timings, created_at, updated_at FROM trials WHERE id = @id",
                r => ReadTrial(r, dependencies), ("id", trialId)).ConfigureAwait(false);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<TrialState, int>> CountTrialsByStateAsync(string studyId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyDictionary<TrialState, int>>($"count the trials of study '{studyId}'",
            async s => await CountAsync(s, studyId).ConfigureAwait(false), cancellationToken);

    private static async Task<Dictionary<TrialState, int>> CountAsync(SqlSession s, string studyId)
    {
        var counts = Enum.GetValues<TrialState>().ToDictionary(state => state, _ => 0);
        var rows = await s.QueryAsync(
            "SELECT t.state, COUNT(*) FROM study_trials st JOIN trials t ON t.id = st.trial_id WHERE st.study_id = @study GROUP BY t.state",
            r => (State: TrialStateOf(r.GetString(0)), Count: Int(r.GetValue(1))), ("study", studyId)).ConfigureAwait(false);
        foreach (var (state, count) in rows)
            counts[state] = count;
        return counts;
    }

    private TrialRecord ReadTrial(DbDataReader r, IReadOnlyList<string> dependencies) => new(
        TrialId: r.GetString(0),
        Kind: r.GetString(1),
        DefinitionJson: r.GetString(2),
        WeightsKey: NullableString(r, 3),
        State: TrialStateOf(r.GetString(4)),
        Priority: Int(r.GetValue(5)),
        Attempts: Int(r.GetValue(6)),
        MaxAttempts: Int(r.GetValue(7)),
        LeaseOwner: NullableString(r, 8),
        LeaseUntil: r.IsDBNull(9) ? null : dialect.ReadTime(r, 9),
        CancelRequested: Int(r.GetValue(10)) != 0,
        Progress: ProgressJson.Read(NullableString(r, 11)),
        LastError: NullableString(r, 12),
        CurveJson: NullableString(r, 13),
        TimingsJson: NullableString(r, 14),
        DependsOn: dependencies,
        CreatedAt: dialect.ReadTime(r, 15),
        UpdatedAt: dialect.ReadTime(r, 16));
}
