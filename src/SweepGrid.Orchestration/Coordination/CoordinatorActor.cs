using SweepGrid.Actors;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Coordination;

/// <summary>
/// The coordinator: submits studies and keeps the mailbox healthy (expired leases back to the queue,
/// finished studies marked). Nodes make progress without it; all of its work is idempotent, and a lock
/// row in the store keeps one coordinator active when several run.
/// </summary>
public sealed class CoordinatorActor(ITrialStore store, string holder, TimeSpan interval) : Actor<ICoordinatorMessage>
{
    private bool busy;

    public override Task PreStartAsync(ActorContext<ICoordinatorMessage> context)
    {
        context.ScheduleRepeatedly(TimeSpan.Zero, interval, new Housekeep());
        return Task.CompletedTask;
    }

    public override async Task ReceiveAsync(ICoordinatorMessage message, ActorContext<ICoordinatorMessage> context)
    {
        switch (message)
        {
            case SubmitStudy submit:
                try
                {
                    submit.Reply.Reply(await store.SubmitStudyAsync(submit.Submission, context.TimeProvider.GetUtcNow()).ConfigureAwait(false));
                }
                catch (Exception e) when (e is StoreException or ArgumentException)
                {
                    submit.Reply.Fail(e);
                }
                break;
            case Housekeep when !busy:
                busy = true;
                context.PipeTo(HousekeepAsync(context.TimeProvider.GetUtcNow()), done => done, error => new HousekeepingFailed(error));
                break;
            case HousekeepingDone:
                busy = false;
                break;
            case HousekeepingFailed:
                // The store is unavailable; the next tick tries again.
                busy = false;
                break;
        }
    }

    private async Task<ICoordinatorMessage> HousekeepAsync(DateTimeOffset now)
    {
        if (!await store.TryAcquireCoordinatorLockAsync(holder, interval * 4, now).ConfigureAwait(false))
        {
            return new HousekeepingDone(false, 0, []);
        }
        var reaped = await store.ReapExpiredLeasesAsync(now).ConfigureAwait(false);
        var finished = await store.FinishStudiesAsync(now).ConfigureAwait(false);
        return new HousekeepingDone(true, reaped, finished);
    }
}
