using SweepGrid.Store;

namespace SweepGrid.Orchestration.Execution;

/// <summary>Completes every trial at once with one fixed result: measures orchestration overhead alone.</summary>
public sealed class NoOpTrialExecutor : ITrialExecutor
{
    private static readonly TrialResults Result = new([new ResultRow("clean", "accuracy", 1.0)], "[]", "{}");

    public TrialOutcome Execute(Lease lease, Action<TrialProgress> progress, CancellationToken cancellation) => new TrialOutcome.Completed(Result);
}
