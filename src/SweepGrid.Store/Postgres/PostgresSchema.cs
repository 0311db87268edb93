namespace SweepGrid.Store.Postgres;

/// <summary>
/// The PostgreSQL schema, one entry per version, with the same tables and columns as the SQLite one
/// (<c>timestamptz</c> for times, <c>bytea</c> for blobs, identity columns for sequences). JSON columns
/// are text; dashboards cast them (<c>axes::jsonb</c>). Released entries are never edited.
/// </summary>
internal static class PostgresSchema
{
    public static readonly IReadOnlyList<IReadOnlyList<string>> Migrations =
    [
        // version 1
        [
            """
            CREATE TABLE studies (
                id text PRIMARY KEY, name text NOT NULL, spec text NOT NULL, state text NOT NULL,
                created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE trials (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text NOT NULL UNIQUE, kind text NOT NULL, definition text NOT NULL, weights_key text,
                state text NOT NULL, priority integer NOT NULL, attempts integer NOT NULL, max_attempts integer NOT NULL,
                lease_owner text, lease_token text, lease_until timestamptz,
                lease_expirations integer NOT NULL DEFAULT 0, cancel_requested integer NOT NULL DEFAULT 0,
                progress text, last_error text, curve text, timings text,
                created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)
            """,
            "CREATE INDEX trials_queue ON trials (state, priority DESC, seq)",
            """
            CREATE TABLE study_trials (
                study_id text NOT NULL REFERENCES studies (id), trial_id text NOT NULL REFERENCES trials (id),
                ordinal integer NOT NULL, axes text NOT NULL, PRIMARY KEY (study_id, trial_id))
            """,
            "CREATE INDEX study_trials_by_trial ON study_trials (trial_id)",
            """
            CREATE TABLE dependencies (
                trial_id text NOT NULL REFERENCES trials (id), depends_on text NOT NULL REFERENCES trials (id),
                PRIMARY KEY (trial_id, depends_on))
            """,
            "CREATE INDEX dependencies_by_dependency ON dependencies (depends_on)",
            """
            CREATE TABLE results (
                trial_id text NOT NULL REFERENCES trials (id), ordinal integer NOT NULL,
                condition text NOT NULL, metric text NOT NULL, value double precision,
                PRIMARY KEY (trial_id, condition, metric))
            """,
            "CREATE TABLE artifacts (key text PRIMARY KEY, bytes bytea NOT NULL, size bigint NOT NULL, created_at timestamptz NOT NULL)",
            """
            CREATE TABLE events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, study_id text, trial_id text,
                kind text NOT NULL, detail text NOT NULL)
            """,
            "CREATE INDEX events_by_study ON events (study_id, id)",
            "CREATE INDEX events_by_trial ON events (trial_id, id)",
            "CREATE TABLE nodes (id text PRIMARY KEY, slots integer NOT NULL, state text NOT NULL, last_seen timestamptz NOT NULL)",
            "CREATE TABLE coordinator_lock (name text PRIMARY KEY, holder text NOT NULL, held_until timestamptz NOT NULL)",
        ],
    ];
}
