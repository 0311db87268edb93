using static SweepGrid.Store.Tests.Support.Studies;

namespace SweepGrid.Store.Tests.Conformance;

public abstract partial class TrialStoreConformance
{
    [Fact]
    public async Task A_batch_settles_each_write_fenced_by_its_token_then_leases_in_request_order()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("done", priority: 4), Trial("fails", priority: 3), Trial("back", priority: 2),
            Trial("stale", priority: 1), Trial("next", priority: 0)), T0);
        var done = await LeaseAsync("n1", T0, "done");
        var fails = await LeaseAsync("n1", T0, "fails");
        var back = await LeaseAsync("n2", T0, "back");
        var stale = await LeaseAsync("n2", T0, "stale");
        await Store.ReleaseAsync(stale, "node n2 lost", attemptSpent: true, T0);

        var result = await Store.SettleAndLeaseAsync(
        [
            new SettleWrite.Complete(done, Results(("clean", "accuracy", 0.9))),
            new SettleWrite.Fail(fails, "diverged", Retryable: false),
            new SettleWrite.Release(back, "drained", AttemptSpent: false),
            new SettleWrite.Complete(stale, Results(("clean", "accuracy", 0.1))),
        ], ["n1", "n2", "n3", "n4"], LeaseTime, T0.AddSeconds(1));

        Assert.Equal([TrialState.Completed, TrialState.Failed, TrialState.Queued], result.Settled.Take(3).Select(s => s.State));
        Assert.True(result.Settled.Take(3).All(s => s.IsAccepted));
        Assert.False(result.Settled[3].IsAccepted, "a completion under a requeued lease's token must be rejected in a batch too");
        // Requests are served after the settles, best trial first: the handed-back trial is queued again by then.
        Assert.Equal(["back", "stale", "next", null], result.Leased.Select(l => l?.TrialId));
        Assert.Equal(["n1", "n2", "n3"], result.Leased.Take(3).Select(l => l!.NodeId));
        Assert.Equal(1, result.Leased[0]!.Attempt); // the hand-back gave its attempt back
        Assert.Equal(0.9, Assert.Single(await Store.GetResultsAsync("s")).Value);
    }

    [Fact]
    public async Task A_batch_with_an_invalid_completion_writes_nothing()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a"), Trial("b")), T0);
        var a = await LeaseAsync("n1", T0, "a");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SettleAndLeaseAsync(
            [new SettleWrite.Complete(a, Results(("clean", "accuracy", 0.9), ("clean", "accuracy", 0.8)))], ["n1"], LeaseTime, T0));

        await AssertStateAsync("a", TrialState.Leased, "the batch was refused before it started");
        await AssertStateAsync("b", TrialState.Queued, "the batch was refused before it started");
    }
}
