using SweepGrid.Actors;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Embedded;

/// <summary>How an embedded run ended.</summary>
public enum RunEnd
{
    /// <summary>Every trial of the study reached a final state.</summary>
    Finished,
    /// <summary>Stopped on request; running trials were handed back and the same command resumes.</summary>
    Interrupted,
}

/// <summary>
/// Embedded mode: coordinator, one node and the store in one process. Submits the study (idempotently, so
/// running it again resumes), then lets the node pull trials until the study is finished or the caller
/// cancels, in which case the node drains: running trials are interrupted and handed back to the queue.
/// </summary>
public sealed class EmbeddedRunner(ITrialStore store, ITrialExecutor executor, NodeOptions nodeOptions, TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>How often progress is reported and the study's completion checked.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public async Task<RunEnd> RunAsync(StudySubmission submission, Action<RunProgress>? onProgress, CancellationToken cancellation)
    {
        nodeOptions.Validate();
        await store.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        await ReclaimOwnLeasesAsync().ConfigureAwait(false);
        await using var system = new ActorSystem("sweepgrid", new ActorSystemOptions { TimeProvider = time });
        var coordinator = system.Spawn("coordinator", () => new CoordinatorActor(store, nodeOptions.NodeId, TimeSpan.FromSeconds(1)));
        await coordinator.Ask<SubmissionResult>(r => new SubmitStudy(submission, r), TimeSpan.FromMinutes(5), CancellationToken.None).ConfigureAwait(false);
        var node = system.Spawn("node", () => new NodeActor(store, executor, nodeOptions));
        var started = time.GetTimestamp();
        while (true)
        {
            var progress = new RunProgress(submission.StudyId, await store.CountTrialsByStateAsync(submission.StudyId, CancellationToken.None).ConfigureAwait(false),
                await StatusAsync(node).ConfigureAwait(false), time.GetElapsedTime(started));
            onProgress?.Invoke(progress);
            if (progress.IsFinished)
            {
                await store.FinishStudiesAsync(time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                return RunEnd.Finished;
            }
            if (cancellation.IsCancellationRequested)
            {
                await node.Ask<bool>(r => new Drain(r), TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false);
                return RunEnd.Interrupted;
            }
            try
            {
                await Task.Delay(ProgressInterval, time, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Loop once more to drain and report.
            }
        }
    }

    /// <summary>
    /// After a kill -9 the previous process's leases (same node id) are still in the store. When no other
    /// node has been seen lately, they can only be ours, so they are reaped now instead of after the lease
    /// duration — resuming starts at once.
    /// </summary>
    private async Task ReclaimOwnLeasesAsync()
    {
        var now = time.GetUtcNow();
        var nodes = await store.ListNodesAsync(CancellationToken.None).ConfigureAwait(false);
        var othersAlive = nodes.Any(n => n.NodeId != nodeOptions.NodeId && now - n.LastSeen < nodeOptions.LeaseDuration);
        if (!othersAlive)
        {
            await store.ReapExpiredLeasesAsync(now + nodeOptions.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<NodeStatus?> StatusAsync(ActorRef<INodeMessage> node)
    {
        try
        {
            return await node.Ask<NodeStatus>(r => new GetNodeStatus(r), TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        }
        catch (ActorException)
        {
            return null;
        }
    }
}
