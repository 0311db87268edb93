using SweepGrid.Store;

namespace SweepGrid.Orchestration.Execution;

/// <summary>
/// Completes every trial with one fixed result: measures orchestration overhead alone, and, with a
/// <paramref name="duration"/>, stands in for real trials in cluster tests (a cancelled trial stops at once).
/// </summary>
public sealed class NoOpTrialExecutor(TimeSpan duration = default) : ITrialExecutor
{
    private static readonly TrialResults Result = new([new ResultRow("clean", "accuracy", 1.0)], "[]", "{}");

    public TrialOutcome Execute(Lease lease, Action<TrialProgress> progress, CancellationToken cancellation)
    {
        if (duration > TimeSpan.Zero && cancellation.WaitHandle.WaitOne(duration))
        {
            return new TrialOutcome.Cancelled("stopped");
        }
        return new TrialOutcome.Completed(Result);
    }
}
