using Akka.Actor;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Control;

/// <summary>
/// <see cref="IStudyControl"/> by asking the coordinator: the local actor in embedded mode, the cluster
/// singleton's proxy in the cluster. A failed command comes back as the store's exception types, so callers
/// handle both modes alike.
/// </summary>
public sealed class CoordinatorStudyControl(IActorRef coordinator, TimeSpan timeout) : IStudyControl
{
    public async Task<SubmissionResult> SubmitAsync(StudySubmission submission, CancellationToken cancellationToken = default) =>
        (await AskAsync<SubmitStudyReply>(new SubmitStudy(submission), cancellationToken).ConfigureAwait(false)).Result;

    public async Task<StudyRecord?> CancelAsync(string studyId, CancellationToken cancellationToken = default) =>
        (await AskAsync<CancelStudyReply>(new CancelStudy(studyId), cancellationToken).ConfigureAwait(false)).Study;

    public async Task<RetryResult> RetryAsync(string studyId, CancellationToken cancellationToken = default) =>
        (await AskAsync<RetryStudyReply>(new RetryStudy(studyId), cancellationToken).ConfigureAwait(false)).Result;

    private async Task<T> AskAsync<T>(ICoordinatorCommand command, CancellationToken cancellationToken)
    {
        object reply;
        try
        {
            reply = await coordinator.Ask<object>(command, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new StoreUnavailableException($"the coordinator did not answer {command.GetType().Name} within {timeout.TotalSeconds:0} s (is a coordinator member up?)", e);
        }
        return reply switch
        {
            T answer => answer,
            CommandFailed { InvalidArgument: true } failed => throw new ArgumentException(failed.Message),
            CommandFailed { Retryable: true } failed => throw new StoreUnavailableException(failed.Message),
            CommandFailed failed => throw new StoreException(failed.Message),
            _ => throw new InvalidOperationException($"unexpected reply {reply.GetType().Name} to {command.GetType().Name}"),
        };
    }
}
