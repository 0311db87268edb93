using static SweepGrid.Store.Tests.Support.Studies;

namespace SweepGrid.Store.Tests.Conformance;

public abstract partial class TrialStoreConformance
{
    [Fact]
    public async Task Leasing_picks_the_highest_priority_then_the_oldest_trial()
    {
        await Store.SubmitStudyAsync(Study("s1", Trial("low-old", priority: 0), Trial("high", priority: 5), Trial("low-new", priority: 0)), T0);
        await Store.SubmitStudyAsync(Study("s2", Trial("later", priority: 0)), T0.AddSeconds(1));

        var order = new List<string>();
        while (await Store.LeaseNextAsync("n1", LeaseTime, T0.AddSeconds(2)) is { } lease)
            order.Add(lease.TrialId);

        Assert.Equal(["high", "low-old", "low-new", "later"], order);
    }

    [Fact]
    public async Task A_lease_carries_the_trial_a_fresh_token_and_the_attempt()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a")), T0);

        var lease = await LeaseAsync("n1", T0, "a");

        Assert.Equal(("n1", 1, T0 + LeaseTime), (lease.NodeId, lease.Attempt, lease.Until));
        Assert.Equal("""{"trial":"a"}""", lease.DefinitionJson);
        Assert.Equal("weights-a", lease.WeightsKey);
        Assert.NotEqual(Guid.Empty, lease.Token);
        var trial = await TrialAsync("a");
        Assert.Equal((TrialState.Leased, "n1", 1), (trial.State, trial.LeaseOwner, trial.Attempts));
        Assert.Null(await Store.LeaseNextAsync("n2", LeaseTime, T0));
    }

    [Fact]
    public async Task Eight_concurrent_leasers_never_lease_the_same_trial_twice()
    {
        const int trials = 48;
        await Store.SubmitStudyAsync(Study("s", Enumerable.Range(0, trials).Select(i => Trial($"t{i:00}")).ToArray()), T0);
        await using var second = OpenSameDatabase();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leasers = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var store = n % 2 == 0 ? Store : second; // half of them through another instance, as another process would
            await start.Task;
            var mine = new List<Lease>();
            while (await store.LeaseNextAsync($"node{n}", LeaseTime, T0) is { } lease)
                mine.Add(lease);
            return mine;
        })).ToArray();
        start.SetResult(); // all eight start together
        var leases = (await Task.WhenAll(leasers)).SelectMany(l => l).ToList();
        // SKIP LOCKED may let a leaser stop early while others still hold rows; drain what is left.
        while (await Store.LeaseNextAsync("drain", LeaseTime, T0) is { } rest)
            leases.Add(rest);

        var twice = leases.GroupBy(l => l.TrialId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"trials leased twice: {string.Join(", ", twice)}");
        Assert.Equal(trials, leases.Count);
        Assert.Equal(trials, leases.Select(l => l.Token).Distinct().Count());
        Assert.Equal(trials, (await Store.CountTrialsByStateAsync("s"))[TrialState.Leased]);
    }

    [Fact]
    public async Task A_heartbeat_extends_the_lease_and_records_progress()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a")), T0);
        var lease = await LeaseAsync("n1", T0, "a");

        var outcome = await Store.HeartbeatAsync(lease, Progress(3), T0.AddSeconds(20), LeaseTime);

        Assert.Equal(HeartbeatOutcome.Ok, outcome);
        var trial = await TrialAsync("a");
        Assert.Equal(T0.AddSeconds(50), trial.LeaseUntil);
        Assert.Equal(Progress(3), trial.Progress);
        Assert.Equal(TrialState.Leased, trial.State);
    }

    [Fact]
    public async Task A_late_result_from_a_requeued_lease_is_rejected_and_stores_nothing()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a")), T0);
        var stale = await LeaseAsync("partitioned", T0, "a");
        await Store.ReleaseAsync(stale, "node partitioned lost", attemptSpent: true, T0.AddMinutes(1));
        var current = await LeaseAsync("n2", T0.AddMinutes(1), "a");

        var late = await Store.CompleteAsync(stale, Results(("clean", "accuracy", 0.01)), T0.AddMinutes(2));
        var lateFailure = await Store.FailAsync(stale, "network", retryable: false, T0.AddMinutes(2));

        Assert.False(late.IsAccepted, "a completion with a requeued lease's token must be rejected");
        Assert.False(lateFailure.IsAccepted, "a failure with a requeued lease's token must be rejected");
        Assert.Equal(TrialState.Leased, late.State);
        Assert.Contains("partitioned", late.RejectionReason, StringComparison.Ordinal);
        Assert.Empty(await Store.GetResultsAsync("s"));
        await AssertStateAsync("a", TrialState.Leased, "the current lease is still running");

        Assert.True((await Store.CompleteAsync(current, Results(("clean", "accuracy", 0.97)), T0.AddMinutes(3))).IsAccepted);
        Assert.False((await Store.CompleteAsync(stale, Results(("clean", "accuracy", 0.01)), T0.AddMinutes(4))).IsAccepted);
        Assert.Equal(0.97, Assert.Single(await Store.GetResultsAsync("s")).Value);
    }

    [Fact]
    public async Task Completing_again_with_the_same_lease_is_accepted_without_writing_twice()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a")), T0);
        var lease = await LeaseAsync("n1", T0, "a");

        var first = await Store.CompleteAsync(lease, SomeResults(), T0);
        var retry = await Store.CompleteAsync(lease, SomeResults(), T0.AddSeconds(1));

        Assert.Equal(LeaseWriteOutcome.Accepted(TrialState.Completed), first);
        Assert.Equal(LeaseWriteOutcome.Accepted(TrialState.Completed), retry);
        Assert.Equal(2, (await Store.GetResultsAsync("s")).Count);
        Assert.Single(await Store.GetEventsAsync(null, 0), e => e.Kind == StudyEventKinds.TrialCompleted);
    }

    [Fact]
    public async Task A_retryable_failure_requeues_until_the_attempts_run_out()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a", maxAttempts: 2)), T0);

        var first = await Store.FailAsync(await LeaseAsync("n1", T0, "a"), "CUDA out of memory", retryable: true, T0);
        var second = await Store.FailAsync(await LeaseAsync("n1", T0, "a"), "CUDA out of memory", retryable: true, T0);

        Assert.Equal(LeaseWriteOutcome.Accepted(TrialState.Queued), first);
        Assert.Equal(LeaseWriteOutcome.Accepted(TrialState.Failed), second);
        var trial = await TrialAsync("a");
        Assert.Equal(2, trial.Attempts);
        Assert.Contains("CUDA out of memory", trial.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_retryable_failure_fails_the_trial_at_once()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a", maxAttempts: 5)), T0);

        var outcome = await Store.FailAsync(await LeaseAsync("n1", T0, "a"), "diverged at epoch 3", retryable: false, T0);

        Assert.Equal(LeaseWriteOutcome.Accepted(TrialState.Failed), outcome);
        Assert.Equal("diverged at epoch 3", (await TrialAsync("a")).LastError);
    }
}
