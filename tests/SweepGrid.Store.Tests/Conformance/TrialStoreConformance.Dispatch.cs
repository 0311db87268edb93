using static SweepGrid.Store.Tests.Support.Studies;

namespace SweepGrid.Store.Tests.Conformance;

/// <summary>The coordinator's dispatch writes: hand-backs, requeues of lost dispatches, retries, the lock holder.</summary>
public abstract partial class TrialStoreConformance
{
    [Fact]
    public async Task A_handed_back_trial_is_queued_again_with_its_attempt_given_back()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a")), T0);
        var lease = await LeaseAsync("n1", T0, "a");

        var outcome = await Store.ReleaseAsync(lease, "drain", attemptSpent: false, T0.AddSeconds(1));

        Assert.Equal(LeaseWriteOutcome.Accepted(TrialState.Queued), outcome);
        Assert.Equal((TrialState.Queued, 0), ((await TrialAsync("a")).State, (await TrialAsync("a")).Attempts));
        Assert.False((await Store.CompleteAsync(lease, SomeResults(), T0.AddSeconds(2))).IsAccepted); // the old token is fenced off
    }

    [Fact]
    public async Task A_lost_dispatch_spends_its_attempt_and_fails_the_trial_and_its_dependants_when_attempts_run_out()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a", maxAttempts: 2), Trial("e", dependsOn: "a")), T0);
        var first = await LeaseAsync("n1", T0, "a");
        Assert.Equal(TrialState.Queued, (await Store.ReleaseAsync(first, "node n1 lost", attemptSpent: true, T0)).State);
        var second = await LeaseAsync("n2", T0, "a");

        var outcome = await Store.ReleaseAsync(second, "node n2 lost", attemptSpent: true, T0);

        Assert.Equal(TrialState.Failed, outcome.State);
        Assert.Contains("node n2 lost", (await TrialAsync("a")).LastError, StringComparison.Ordinal);
        await AssertStateAsync("e", TrialState.Failed, "its dependency failed");
    }

    [Fact]
    public async Task Releasing_with_a_stale_token_changes_nothing()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a")), T0);
        var lease = await LeaseAsync("n1", T0, "a");
        await Store.CompleteAsync(lease, SomeResults(), T0);

        var outcome = await Store.ReleaseAsync(lease, "node lost", attemptSpent: true, T0);

        Assert.False(outcome.IsAccepted);
        await AssertStateAsync("a", TrialState.Completed, "a completed trial is never requeued");
    }

    [Fact]
    public async Task Held_trials_list_every_dispatch_with_its_token_and_cancel_request()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a"), Trial("b")), T0);
        var a = await LeaseAsync("n1", T0, "a");
        await Store.CancelStudyAsync("s", T0);

        var held = await Store.ListHeldTrialsAsync();

        Assert.Equal([new HeldTrial("a", "n1", a.Token, 1, CancelRequested: true)], held);
    }

    [Fact]
    public async Task Retrying_requeues_failed_trials_with_fresh_attempts_and_their_failed_dependants_wait_again()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a"), Trial("ok"), Trial("e", dependsOn: "a")), T0);
        var lease = await LeaseAsync("n1", T0, "a");
        await Store.FailAsync(lease, "diverged at epoch 1", retryable: false, T0);
        await AssertStateAsync("e", TrialState.Failed, "its dependency failed");

        var retried = await Store.RetryFailedAsync("s", T0.AddSeconds(1));

        Assert.Equal(2, retried);
        Assert.Equal((TrialState.Queued, 0), ((await TrialAsync("a")).State, (await TrialAsync("a")).Attempts));
        await AssertStateAsync("e", TrialState.Pending, "it waits for its retried dependency");
        Assert.Equal(StudyState.Running, (await Store.GetStudyAsync("s"))!.State);
        Assert.Null(await Store.RetryFailedAsync("missing", T0));
    }

    [Fact]
    public async Task The_coordinator_lock_names_its_holder_and_only_a_named_dead_holder_is_taken_over()
    {
        Assert.Null(await Store.GetCoordinatorLockAsync());
        Assert.True(await Store.TryAcquireCoordinatorLockAsync("run 1", TimeSpan.FromSeconds(15), T0));

        Assert.Equal(new CoordinatorLock("run 1", T0.AddSeconds(15)), await Store.GetCoordinatorLockAsync());
        Assert.False(await Store.TakeOverCoordinatorLockAsync("run 0", "run 2", TimeSpan.FromSeconds(15), T0));
        Assert.True(await Store.TakeOverCoordinatorLockAsync("run 1", "run 2", TimeSpan.FromSeconds(15), T0));
        Assert.Equal("run 2", (await Store.GetCoordinatorLockAsync())!.Holder);
    }
}
