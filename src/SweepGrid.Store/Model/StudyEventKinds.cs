namespace SweepGrid.Store;

/// <summary>The kinds of <see cref="StudyEvent"/> the store appends.</summary>
public static class StudyEventKinds
{
    public const string StudySubmitted = "study-submitted";
    public const string StudyResumed = "study-resumed";
    public const string StudyCancelled = "study-cancelled";
    public const string StudyCompleted = "study-completed";
    public const string TrialQueued = "trial-queued";
    public const string TrialLeased = "trial-leased";
    public const string TrialCompleted = "trial-completed";
    public const string TrialRequeued = "trial-requeued";
    public const string TrialFailed = "trial-failed";
    public const string TrialCancelled = "trial-cancelled";
    public const string TrialRetried = "trial-retried";
    public const string LeaseExpired = "lease-expired";
}
