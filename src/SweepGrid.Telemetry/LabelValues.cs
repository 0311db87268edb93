namespace SweepGrid.Telemetry;

// The closed sets of label values. Anything else is published as "other", so a new or misspelt value
// can never grow a label's cardinality without bound.

/// <summary>Trial states as published: the store's names, except that a leased trial is published as running.</summary>
public static class TrialStates
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "pending", "queued", "running", "completed", "failed", "cancelled",
    };

    public static string Normalize(string state)
    {
        var lower = state.ToLowerInvariant() switch
        {
            "leased" => "running",
            var s => s,
        };
        return All.Contains(lower) ? lower : "other";
    }
}

/// <summary>Study states as published.</summary>
public static class StudyStates
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "running", "completed", "cancelled" };

    public static string Normalize(string state)
    {
        var lower = state.ToLowerInvariant();
        return All.Contains(lower) ? lower : "other";
    }
}

/// <summary>How a trial or an attempt ended.</summary>
public static class TrialOutcomes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "completed", "failed", "cancelled", "handed-back" };

    /// <summary>The outcomes that end a trial for good (those of <c>sweepgrid_trials_completed_total</c>).</summary>
    public static readonly IReadOnlyList<string> Ended = ["completed", "failed", "cancelled"];

    public static string Normalize(string outcome) => All.Contains(outcome) ? outcome : "other";
}

/// <summary>Why a trial went back to the queue: the reasons the coordinator decides.</summary>
public static class RequeueReasons
{
    /// <summary>The node running it was downed or its process restarted (crash, SIGKILL, network loss), or it did not re-attach after a coordinator restart.</summary>
    public const string NodeLost = "node-lost";

    /// <summary>The node drained or stopped gracefully (Ctrl-C, SIGTERM) and handed it back; no attempt spent.</summary>
    public const string HandedBack = "handed-back";

    /// <summary>An attempt failed in a retryable way and attempts remain.</summary>
    public const string RetryableFailure = "retryable-failure";

    /// <summary>The assignment never reached the node (it left, or did not report the trial as held).</summary>
    public const string AssignmentLost = "assignment-lost";

    /// <summary>Leased in the read model but never journaled before a restart.</summary>
    public const string Unjournaled = "unjournaled";

    /// <summary>A user asked to retry failed trials.</summary>
    public const string Retry = "retry";

    public static readonly IReadOnlyList<string> All = [NodeLost, HandedBack, RetryableFailure, AssignmentLost, Unjournaled, Retry];

    public static string Normalize(string reason) => All.Contains(reason) ? reason : "other";
}

/// <summary>Cluster roles as published.</summary>
public static class MemberRoles
{
    public static readonly IReadOnlyList<string> All = ["coordinator", "node"];
}

/// <summary>Akka member statuses as published (lower case, Akka's names).</summary>
public static class MemberStatuses
{
    public static readonly IReadOnlyList<string> All = ["joining", "weakly-up", "up", "leaving", "exiting", "down", "removed", "unreachable"];

    public static string Normalize(string status)
    {
        var lower = status.ToLowerInvariant() switch
        {
            "weaklyup" => "weakly-up",
            var s => s,
        };
        return All.Contains(lower) ? lower : "other";
    }
}
