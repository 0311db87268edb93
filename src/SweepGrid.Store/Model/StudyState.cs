namespace SweepGrid.Store;

/// <summary>The life of a study: running until all its trials are terminal or it is cancelled.</summary>
public enum StudyState
{
    /// <summary>Some of its trials may still run.</summary>
    Running,
    /// <summary>Every trial is completed, failed or cancelled (set by <see cref="ITrialStore.FinishStudiesAsync"/>).</summary>
    Completed,
    /// <summary>Cancelled by an operator; submitting it again resumes it.</summary>
    Cancelled,
}
