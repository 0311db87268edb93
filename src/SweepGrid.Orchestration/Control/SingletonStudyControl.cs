using Akka.Hosting;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Control;

/// <summary><see cref="IStudyControl"/> in the cluster: asks the coordinator singleton through its proxy, wherever it runs.</summary>
public sealed class SingletonStudyControl(IRequiredActor<CoordinatorActor> coordinator) : IStudyControl
{
    /// <summary>Long enough to ride out a singleton failover (the proxy buffers meanwhile).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<SubmissionResult> SubmitAsync(StudySubmission submission, CancellationToken cancellationToken = default) =>
        await (await ControlAsync(cancellationToken).ConfigureAwait(false)).SubmitAsync(submission, cancellationToken).ConfigureAwait(false);

    public async Task<StudyRecord?> CancelAsync(string studyId, CancellationToken cancellationToken = default) =>
        await (await ControlAsync(cancellationToken).ConfigureAwait(false)).CancelAsync(studyId, cancellationToken).ConfigureAwait(false);

    public async Task<RetryResult> RetryAsync(string studyId, CancellationToken cancellationToken = default) =>
        await (await ControlAsync(cancellationToken).ConfigureAwait(false)).RetryAsync(studyId, cancellationToken).ConfigureAwait(false);

    private async Task<CoordinatorStudyControl> ControlAsync(CancellationToken cancellationToken) =>
        new(await coordinator.GetAsync(cancellationToken).ConfigureAwait(false), Timeout);
}
