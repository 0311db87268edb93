namespace SweepGrid.Store.Sqlite;

/// <summary>
/// The SQLite schema, one entry per version. Released entries are never edited; a change is a new entry.
/// Timestamps are INTEGER milliseconds since the Unix epoch (UTC), so comparisons are numeric.
/// </summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<IReadOnlyList<string>> Migrations =
    [
        // version 1
        [
            """
            CREATE TABLE studies (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, spec TEXT NOT NULL, state TEXT NOT NULL,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)
            """,
            """
            CREATE TABLE trials (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, definition TEXT NOT NULL, weights_key TEXT,
                state TEXT NOT NULL, priority INTEGER NOT NULL, attempts INTEGER NOT NULL, max_attempts INTEGER NOT NULL,
                lease_owner TEXT, lease_token TEXT, lease_until INTEGER,
                lease_expirations INTEGER NOT NULL DEFAULT 0, cancel_requested INTEGER NOT NULL DEFAULT 0,
                progress TEXT, last_error TEXT, curve TEXT, timings TEXT,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)
            """,
            "CREATE INDEX trials_queue ON trials (state, priority DESC, seq)",
            """
            CREATE TABLE study_trials (
                study_id TEXT NOT NULL REFERENCES studies (id), trial_id TEXT NOT NULL REFERENCES trials (id),
                ordinal INTEGER NOT NULL, axes TEXT NOT NULL, PRIMARY KEY (study_id, trial_id))
            """,
            "CREATE INDEX study_trials_by_trial ON study_trials (trial_id)",
            """
            CREATE TABLE dependencies (
                trial_id TEXT NOT NULL REFERENCES trials (id), depends_on TEXT NOT NULL REFERENCES trials (id),
                PRIMARY KEY (trial_id, depends_on))
            """,
            "CREATE INDEX dependencies_by_dependency ON dependencies (depends_on)",
            """
            CREATE TABLE results (
                trial_id TEXT NOT NULL REFERENCES trials (id), ordinal INTEGER NOT NULL,
                condition TEXT NOT NULL, metric TEXT NOT NULL, value REAL,
                PRIMARY KEY (trial_id, condition, metric))
            """,
            "CREATE TABLE artifacts (key TEXT PRIMARY KEY, bytes BLOB NOT NULL, size INTEGER NOT NULL, created_at INTEGER NOT NULL)",
            """
            CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, study_id TEXT, trial_id TEXT,
                kind TEXT NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX events_by_study ON events (study_id, id)",
            "CREATE INDEX events_by_trial ON events (trial_id, id)",
            "CREATE TABLE nodes (id TEXT PRIMARY KEY, slots INTEGER NOT NULL, state TEXT NOT NULL, last_seen INTEGER NOT NULL)",
            "CREATE TABLE coordinator_lock (name TEXT PRIMARY KEY, holder TEXT NOT NULL, held_until INTEGER NOT NULL)",
        ],
    ];
}
