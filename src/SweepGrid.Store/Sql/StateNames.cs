namespace SweepGrid.Store.Sql;

/// <summary>The text stored for each state (lower case, as in the design documents and SQL dashboards).</summary>
internal static class StateNames
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string Leased = "leased";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Running = "running";

    public static string Of(TrialState state) => state switch
    {
        TrialState.Pending => Pending,
        TrialState.Queued => Queued,
        TrialState.Leased => Leased,
        TrialState.Completed => Completed,
        TrialState.Failed => Failed,
        TrialState.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown trial state"),
    };

    public static TrialState TrialStateOf(string text) => text switch
    {
        Pending => TrialState.Pending,
        Queued => TrialState.Queued,
        Leased => TrialState.Leased,
        Completed => TrialState.Completed,
        Failed => TrialState.Failed,
        Cancelled => TrialState.Cancelled,
        _ => throw new StoreException($"unknown trial state '{text}' in the database"),
    };

    public static string Of(StudyState state) => state switch
    {
        StudyState.Running => Running,
        StudyState.Completed => Completed,
        StudyState.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown study state"),
    };

    public static StudyState StudyStateOf(string text) => text switch
    {
        Running => StudyState.Running,
        Completed => StudyState.Completed,
        Cancelled => StudyState.Cancelled,
        _ => throw new StoreException($"unknown study state '{text}' in the database"),
    };
}
