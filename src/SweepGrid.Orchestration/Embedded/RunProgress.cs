using SweepGrid.Orchestration.Nodes;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Embedded;

/// <summary>A snapshot of an embedded run: trial counts by state and what each slot is doing.</summary>
public sealed record RunProgress(string StudyId, IReadOnlyDictionary<TrialState, int> Trials, NodeStatus? Node, TimeSpan Elapsed)
{
    public int Total => Trials.Values.Sum();

    public int Done => Count(TrialState.Completed) + Count(TrialState.Failed) + Count(TrialState.Cancelled);

    public bool IsFinished => Total > 0 && Done == Total;

    public int Count(TrialState state) => Trials.TryGetValue(state, out var n) ? n : 0;
}
