using System.Globalization;

namespace SweepGrid.Store.Sql;

internal sealed partial class SqlTrialStore
{
    private const string CoordinatorLockName = "coordinator";

    public Task<bool> PutArtifactAsync(string key, ReadOnlyMemory<byte> bytes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        now = Truncate(now);
        return WriteAsync($"store artifact '{key}'", async s =>
            await s.ExecuteAsync(
                "INSERT INTO artifacts (key, bytes, size, created_at) VALUES (@key, @bytes, @size, @now) ON CONFLICT (key) DO NOTHING",
                ("key", key), ("bytes", bytes.ToArray()), ("size", (long)bytes.Length), ("now", s.Time(now))).ConfigureAwait(false) == 1,
            cancellationToken);
    }

    public Task<byte[]?> GetArtifactAsync(string key, CancellationToken cancellationToken = default) =>
        ReadAsync($"read artifact '{key}'", async s =>
            (byte[]?)await s.ScalarAsync("SELECT bytes FROM artifacts WHERE key = @key", ("key", key)).ConfigureAwait(false),
            cancellationToken);

    public Task<IReadOnlyList<StudyEvent>> GetEventsAsync(string? studyId, long afterId, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var filter = studyId is null ? "" : "AND (study_id = @study OR trial_id IN (SELECT trial_id FROM study_trials WHERE study_id = @study)) ";
        return ReadAsync<IReadOnlyList<StudyEvent>>("read events", async s =>
            await s.QueryAsync(
                $"SELECT id, at, study_id, trial_id, kind, detail FROM events WHERE id > @after {filter}ORDER BY id LIMIT @limit",
                r => new StudyEvent(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), dialect.ReadTime(r, 1),
                    NullableString(r, 2), NullableString(r, 3), r.GetString(4), r.GetString(5)),
                ("after", afterId), ("study", studyId), ("limit", limit)).ConfigureAwait(false),
            cancellationToken);
    }

    public Task RecordNodeHeartbeatAsync(string nodeId, int slots, string state, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        now = Truncate(now);
        return WriteAsync($"record heartbeat of node '{nodeId}'", s =>
            s.ExecuteAsync(
                "INSERT INTO nodes (id, slots, state, last_seen) VALUES (@id, @slots, @state, @now) " +
                "ON CONFLICT (id) DO UPDATE SET slots = excluded.slots, state = excluded.state, last_seen = excluded.last_seen",
                ("id", nodeId), ("slots", slots), ("state", state), ("now", s.Time(now))),
            cancellationToken);
    }

    public Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<NodeRecord>>("list nodes", async s =>
            await s.QueryAsync("SELECT id, slots, state, last_seen FROM nodes ORDER BY id",
                r => new NodeRecord(r.GetString(0), Int(r.GetValue(1)), r.GetString(2), dialect.ReadTime(r, 3))).ConfigureAwait(false),
            cancellationToken);

    public Task<bool> TryAcquireCoordinatorLockAsync(string holder, TimeSpan ttl, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        now = Truncate(now);
        var until = Truncate(now + ttl);
        return WriteAsync("acquire the coordinator lock", async s =>
        {
            if (!await dialect.TryLockCoordinatorAsync(s.Transaction!, cancellationToken).ConfigureAwait(false))
                return false;
            // Insert when absent; otherwise take over only from ourselves or from a holder whose time ran out.
            var rows = await s.ExecuteAsync(
                "INSERT INTO coordinator_lock (name, holder, held_until) VALUES (@name, @holder, @until) " +
                "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until " +
                "WHERE coordinator_lock.holder = @holder OR coordinator_lock.held_until < @now",
                ("name", CoordinatorLockName), ("holder", holder), ("until", s.Time(until)), ("now", s.Time(now))).ConfigureAwait(false);
            return rows == 1;
        }, cancellationToken);
    }

    public Task ReleaseCoordinatorLockAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        return WriteAsync("release the coordinator lock", s =>
            s.ExecuteAsync("DELETE FROM coordinator_lock WHERE name = @name AND holder = @holder", ("name", CoordinatorLockName), ("holder", holder)),
            cancellationToken);
    }
}
